package dev.aitrainingdirectory.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.aitrainingdirectory.webhook.WebhookTargets.TargetRefusedException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partner's webhook URL can never make the service call its own network (loopback, the cloud metadata address,
 * private ranges, in any IPv6 spelling), except for the hosts an operator allows. Only IP literals and localhost
 * appear here, so no test needs DNS.
 */
class WebhookTargetsTest {

    private final WebhookTargets noneAllowed = new WebhookTargets(List.of());
    private final WebhookTargets loopbackAllowed = new WebhookTargets(List.of("127.0.0.1"));

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.0.1", "192.168.255.255", "169.254.169.254", "169.254.0.1", "100.64.0.1",
            "100.127.255.255", "192.0.0.1", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "febf:ffff::1", "fec0::1", "fc00::1", "fd00:ec2::254", "fdff:ffff::1", "ff02::1",
            "ff05::1:3", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "::10.0.0.1",
            "::169.254.169.254", "64:ff9b::10.0.0.1", "64:ff9b::169.254.169.254", "64:ff9b:1::8.8.8.8",
            "2002:a00:1::", "2002:a9fe:a9fe::1", "2002:7f00:1::1"})
    void anAddressOutsideThePublicInternetIsNotPublic(String literal) {
        assertThat(WebhookTargets.isPublic(InetAddress.ofLiteral(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "93.184.216.34", "9.255.255.255", "11.0.0.1", "126.255.255.255", "128.0.0.1",
            "172.15.255.255", "172.32.0.1", "192.167.255.255", "192.169.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.255.255", "169.255.0.1", "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1", "::ffff:8.8.8.8",
            "64:ff9b::8.8.8.8", "2002:808:808::1"})
    void anAddressOnThePublicInternetIsPublic(String literal) {
        assertThat(WebhookTargets.isPublic(InetAddress.ofLiteral(literal))).isTrue();
    }

    /** The JDK turns an IPv4-mapped literal into IPv4 itself, so the IPv6 objects are built from their bytes here. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.100.0.1",
            "0.0.0.0", "224.0.0.251", "255.255.255.255"})
    void anIpv4AddressThatIsNotPublicIsNotPublicInIpv6FormEither(String ipv4) throws UnknownHostException {
        assertThat(WebhookTargets.isPublic(ipv6Form(ipv4, true))).as("::ffff:" + ipv4).isFalse();
        assertThat(WebhookTargets.isPublic(ipv6Form(ipv4, false))).as("::" + ipv4).isFalse();
    }

    @Test
    void aPublicIpv4AddressStaysPublicInIpv6Form() throws UnknownHostException {
        assertThat(WebhookTargets.isPublic(ipv6Form("8.8.8.8", true))).isTrue();
        assertThat(WebhookTargets.isPublic(ipv6Form("8.8.8.8", false))).isTrue();
    }

    @Test
    void anHttpsUrlOnAPublicHostIsAccepted() {
        assertThat(noneAllowed.refusal("https://example.com/hook")).isEmpty();
        assertThat(noneAllowed.refusal("HTTPS://Example.com:8443/hooks/listings?source=directory")).isEmpty();
        assertThat(noneAllowed.refusal("https://[2606:4700:4700::1111]/hook")).isEmpty();
    }

    @Test
    void checkingAUrlResolvesNoName() {
        assertThat(noneAllowed.refusal("https://no-such-host.invalid/hook")).isEmpty();
    }

    @Test
    void plainHttpIsRefusedForAHostNotOnTheAllowList() {
        assertThat(noneAllowed.refusal("http://example.com/hook")).contains("The url must use https.");
        assertThat(loopbackAllowed.refusal("http://example.com/hook")).contains("The url must use https.");
    }

    @Test
    void aSchemeOtherThanHttpsIsRefused() {
        assertThat(noneAllowed.refusal("ftp://example.com/hook")).contains("The url must use https.");
        assertThat(loopbackAllowed.refusal("ftp://127.0.0.1/hook")).contains("The url must use https.");
        assertThat(noneAllowed.refusal("file:///etc/passwd")).contains("The url must use https.");
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(noneAllowed.refusal("https://user:secret@example.com/hook"))
                .contains("The url must not contain a user name or password.");
        assertThat(noneAllowed.refusal("https://user@example.com/hook"))
                .contains("The url must not contain a user name or password.");
    }

    @Test
    void aFragmentIsRefused() {
        assertThat(noneAllowed.refusal("https://example.com/hook#part")).contains("The url must not contain a fragment (#).");
    }

    @Test
    void aRelativeUrlIsRefused() {
        assertThat(noneAllowed.refusal("/hook")).contains("The url must be absolute, such as https://example.com/webhook.");
        assertThat(noneAllowed.refusal("example.com/hook")).contains("The url must be absolute, such as https://example.com/webhook.");
    }

    @Test
    void aUrlWithoutAValidHostIsRefused() {
        assertThat(noneAllowed.refusal("https:///hook")).contains("The url must name a valid host.");
        assertThat(noneAllowed.refusal("https:example.com")).contains("The url must name a valid host.");
        assertThat(noneAllowed.refusal("https://under_score.example.com/hook")).contains("The url must name a valid host.");
    }

    @Test
    void aMissingOverlongOrUnparsableUrlIsRefused() {
        assertThat(noneAllowed.refusal(null)).contains("The url is required.");
        assertThat(noneAllowed.refusal(" ")).contains("The url is required.");
        assertThat(noneAllowed.refusal("https://example.com/" + "a".repeat(2000)))
                .contains("The url must not be longer than 2000 characters.");
        assertThat(noneAllowed.refusal("https://example.com/" + "a".repeat(2000 - "https://example.com/".length()))).isEmpty();
        assertThat(noneAllowed.refusal("https://exa mple.com/hook")).contains("The url is not a valid URL.");
    }

    @Test
    void aPrivateAddressWrittenInTheUrlIsRefusedWithoutResolving() {
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                "https://[::1]/hook", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/hook")) {
            assertThat(noneAllowed.refusal(url)).as(url).contains("The url must not point to a private or reserved address.");
        }
    }

    @Test
    void anAllowedAddressPassesBothChecksOverPlainHttp() throws TargetRefusedException {
        assertThat(loopbackAllowed.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(loopbackAllowed.resolve("http://127.0.0.1:8080/hook")).containsExactly(InetAddress.ofLiteral("127.0.0.1"));
    }

    @Test
    void allowingOneAddressAllowsNoOther() {
        assertThat(loopbackAllowed.refusal("https://10.0.0.1/hook")).contains("The url must not point to a private or reserved address.");
        assertThat(loopbackAllowed.refusal("http://127.0.0.2/hook")).contains("The url must use https.");
        assertThatExceptionOfType(TargetRefusedException.class)
                .isThrownBy(() -> loopbackAllowed.resolve("https://[::1]/hook"));
    }

    @Test
    void anAllowedIpv6AddressMatchesWhateverItsSpelling() throws TargetRefusedException {
        WebhookTargets allowed = new WebhookTargets(List.of("[0:0:0:0:0:0:0:1]"));
        assertThat(allowed.resolve("http://[::1]:8080/hook")).containsExactly(InetAddress.ofLiteral("::1"));
    }

    @Test
    void anAllowedHostNameIsComparedWithoutCase() throws TargetRefusedException {
        WebhookTargets allowed = new WebhookTargets(List.of("LocalHost"));
        assertThat(allowed.refusal("http://LOCALHOST:8080/hook")).isEmpty();
        assertThat(allowed.resolve("http://localhost:8080/hook")).isNotEmpty().allMatch(address -> address.isLoopbackAddress());
    }

    @Test
    void aNameIsAllowedWhenEveryAddressItResolvesToIsAllowed() throws TargetRefusedException {
        WebhookTargets allowed = new WebhookTargets(List.of("127.0.0.1", "::1"));
        assertThat(allowed.resolve("https://localhost/hook")).isNotEmpty();
    }

    @Test
    void aNameResolvingToAnAddressThatIsNotPublicIsRefused() {
        assertThat(noneAllowed.refusal("https://localhost/hook")).isEmpty();
        assertThatExceptionOfType(TargetRefusedException.class)
                .isThrownBy(() -> noneAllowed.resolve("https://localhost/hook"))
                .withMessage("The host localhost resolves to an address that is not public.");
    }

    @Test
    void resolvingRefusesWhatCheckingRefuses() {
        assertThatExceptionOfType(TargetRefusedException.class)
                .isThrownBy(() -> loopbackAllowed.resolve("http://example.com/hook"))
                .withMessage("The url must use https.");
    }

    @Test
    void aPublicAddressResolvesToItself() throws TargetRefusedException {
        assertThat(noneAllowed.resolve("https://8.8.8.8/hook")).containsExactly(InetAddress.ofLiteral("8.8.8.8"));
    }

    private static InetAddress ipv6Form(String ipv4, boolean mapped) throws UnknownHostException {
        byte[] bytes = new byte[16];
        if (mapped) {
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
        }
        System.arraycopy(InetAddress.ofLiteral(ipv4).getAddress(), 0, bytes, 12, 4);
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
