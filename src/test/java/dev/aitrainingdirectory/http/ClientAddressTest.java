package dev.aitrainingdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.config.DirectoryConfig.Http.ForwardedHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which address a request is limited and logged by, behind proxies and in front of none: the rightmost
 * address no trusted proxy wrote, never one a client chose, and a proxy's own address when the header
 * cannot be read.
 */
class ClientAddressTest {

    /** An ingress at 10.0.0.5 in a cluster of 10.0.0.0/8, and a CDN edge at 198.51.100.7 in front of it. */
    private final ClientAddress behindProxies = new ClientAddress(Optional.of(List.of("10.0.0.0/8", "198.51.100.7")), ForwardedHeader.X_FORWARDED_FOR);

    @Test
    void withNoTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddress direct = new ClientAddress(Optional.empty(), ForwardedHeader.X_FORWARDED_FOR);
        assertThat(direct.resolve("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("10.0.0.5");
        assertThat(direct.resolve("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWhenItSendsAForwardingHeader() {
        assertThat(behindProxies.resolve("203.0.113.50", List.of("192.0.2.1"))).isEqualTo("203.0.113.50");
    }

    @Test
    void behindTheIngressTheAddressItWroteIsTheClient() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void anAddressTheClientWroteItselfIsSkippedBecauseTheProxyAppendedTheRealOne() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("192.0.2.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void trustedProxiesInTheChainAreSkippedFromTheRight() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("192.0.2.66", "203.0.113.9", "198.51.100.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfOnlyTrustedProxiesEndsAtItsLeftmostEntry() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("10.1.2.3", "198.51.100.7"))).isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void aMalformedEntryEndsTheWalkAtTheTrustedHopToItsRight() {
        for (String garbage : List.of("garbage", "", "unknown", "_hidden", "fe80::1%eth0", "[fe80::1%25eth0]:80", "999.1.1.1",
                "203.0.113.9:99999:1", "[::1", "1.2.3.4.5", "x".repeat(500))) {
            assertThat(behindProxies.resolve("10.0.0.5", List.of(garbage))).as(garbage).isEqualTo("10.0.0.5");
            assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.9", garbage, "198.51.100.7"))).as(garbage)
                    .isEqualTo("198.51.100.7");
        }
    }

    @Test
    void fiftyAddressesAreReadFromTheRightAndTheOnesAClientPrependedNeverCount() {
        List<String> chain = new ArrayList<>(IntStream.range(0, 49).mapToObj(i -> "192.0.2." + i).toList());
        chain.add("203.0.113.9");
        assertThat(behindProxies.resolve("10.0.0.5", chain)).isEqualTo("203.0.113.9");

        List<String> trustedChain = new ArrayList<>(IntStream.range(0, 49).mapToObj(i -> "192.0.2." + i).toList());
        trustedChain.addAll(IntStream.range(0, ClientAddress.MAX_HOPS).mapToObj(i -> "10.9.0." + i).toList());
        assertThat(behindProxies.resolve("10.0.0.5", trustedChain)).as("more trusted hops than are read: the last one read")
                .isEqualTo("10.9.0.0");
    }

    @Test
    void portsAndBracketsAreReadAndIpv6IsWrittenInItsShortForm() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.9:4711"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("[2001:db8:cafe:0:0:0:0:17]:4711"))).isEqualTo("2001:db8:cafe::17");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("2001:db8::17"))).isEqualTo("2001:db8::17");
    }

    @Test
    void rfc7239ElementsGiveTheirForParameter() {
        assertThat(ClientAddress.parameter("for=192.0.2.60;proto=http;by=203.0.113.43", "for")).isEqualTo("192.0.2.60");
        assertThat(ClientAddress.parameter(" For=\"[2001:db8:cafe::17]:4711\"", "for")).isEqualTo("[2001:db8:cafe::17]:4711");
        assertThat(ClientAddress.parameter("proto=https", "for")).isEmpty();
        assertThat(ClientAddress.parameter("for=192.0.2.60;proto=https", "proto")).isEqualTo("https");
        ClientAddress forwarded = new ClientAddress(Optional.of(List.of("10.0.0.0/8")), ForwardedHeader.FORWARDED);
        assertThat(forwarded.resolve("10.0.0.5", List.of(ClientAddress.parameter("for=\"[2001:db8:cafe::17]:4711\"", "for"))))
                .isEqualTo("2001:db8:cafe::17");
    }

    @Test
    void everyPeerIsTrustedOnlyWhenTheWholeAddressSpaceIsNamed() {
        ClientAddress trustingAll = new ClientAddress(Optional.of(List.of("0.0.0.0/0", "::/0")), ForwardedHeader.X_FORWARDED_FOR);
        assertThat(trustingAll.resolve("192.0.2.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(trustingAll.resolve("2001:db8::1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressOrRangeTrustsNothing() {
        ClientAddress misconfigured = new ClientAddress(Optional.of(List.of("ingress.local", "10.0.0.0/40")), ForwardedHeader.X_FORWARDED_FOR);
        assertThat(misconfigured.resolve("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("10.0.0.5");
    }
}
