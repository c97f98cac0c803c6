package dev.aitrainingdirectory.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides which URLs the service may deliver webhooks to. A webhook URL is chosen by a partner and fetched by our
 * servers, so without these checks it would let anyone make us call our own network: the cloud metadata address,
 * the database, an admin port on loopback. Only https to public addresses is accepted, except for the hosts and
 * addresses an operator allows explicitly (a receiver inside the cluster, a local test server).
 *
 * <p>{@link #refusal} checks the text alone, when a partner registers a URL; {@link #resolve} resolves the host and
 * checks every address, just before each delivery, and the caller must connect only to the addresses it returns:
 * resolving again would let a host that changes its answer (DNS rebinding) slip past.
 */
public final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    /** Addresses that must never be reached from outside: loopback, private, link-local, reserved and the like. */
    private static final List<Block> NOT_PUBLIC_IPV4 = Stream.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4").map(Block::of).toList();
    private static final List<Block> NOT_PUBLIC_IPV6 = Stream.of(
            "::/128", "::1/128", "64:ff9b:1::/48", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .map(Block::of).toList();

    private final Set<String> allowedHosts = new HashSet<>();
    private final Set<InetAddress> allowedAddresses = new HashSet<>();

    /**
     * @param allowedPrivateHosts host names or IP literals that may be reached although they are not public, and
     *                            over plain http; an IP literal also allows any name that resolves to it
     */
    public WebhookTargets(Collection<String> allowedPrivateHosts) {
        for (String host : allowedPrivateHosts) {
            String normalized = normalizeHost(host);
            allowedHosts.add(normalized);
            literal(normalized).map(WebhookTargets::canonical).ifPresent(allowedAddresses::add);
        }
    }

    /** Why this URL cannot be a webhook target, or empty when it can. Reads the text only; resolves no name. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("The url is required.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("The url must not be longer than " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            return Optional.of("The url is not a valid URL.");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("The url must be absolute, such as https://example.com/webhook.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("The url must use https.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("The url must not contain a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("The url must not contain a fragment (#).");
        }
        if (uri.getHost() == null) {
            return Optional.of("The url must name a valid host.");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("The url's port must be between 1 and 65535.");
        }
        String host = normalizeHost(uri.getHost());
        boolean allowed = isAllowed(host);
        if (scheme.equals("http") && !allowed) {
            return Optional.of("The url must use https.");
        }
        // A literal address needs no DNS, so a private one can be refused at once rather than at the first delivery.
        Optional<InetAddress> address = literal(host);
        if (!allowed && address.isPresent() && !isPublic(address.get())) {
            return Optional.of("The url must not point to a private or reserved address.");
        }
        return Optional.empty();
    }

    /**
     * The addresses to deliver to: every address the host resolves to, when each is public or allowed.
     *
     * @throws TargetRefusedException when the URL is refused by {@link #refusal}, the host does not resolve, or any
     *                                address it resolves to is neither public nor allowed
     */
    public List<InetAddress> resolve(String url) throws TargetRefusedException {
        Optional<String> refusal = refusal(url);
        if (refusal.isPresent()) {
            throw new TargetRefusedException(refusal.get());
        }
        String host = normalizeHost(URI.create(url).getHost());
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            throw new TargetRefusedException("The host " + host + " does not resolve.");
        }
        if (!allowedHosts.contains(host)) {
            for (InetAddress address : addresses) {
                // The address itself stays unsaid: it is what our resolver sees, which may be an internal view.
                if (!isPublic(address) && !allowedAddresses.contains(canonical(address))) {
                    throw new TargetRefusedException("The host " + host + " resolves to an address that is not public.");
                }
            }
        }
        return List.of(addresses);
    }

    /**
     * Whether an address belongs to the public internet. IPv6 forms that carry an IPv4 address (IPv4-mapped,
     * IPv4-compatible, NAT64 and 6to4) are judged by the IPv4 address they lead to.
     */
    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return NOT_PUBLIC_IPV4.stream().noneMatch(block -> block.contains(bytes));
        }
        Optional<byte[]> ipv4 = embeddedIpv4(bytes);
        if (ipv4.isPresent()) {
            return NOT_PUBLIC_IPV4.stream().noneMatch(block -> block.contains(ipv4.get()));
        }
        return NOT_PUBLIC_IPV6.stream().noneMatch(block -> block.contains(bytes));
    }

    private boolean isAllowed(String host) {
        return allowedHosts.contains(host)
                || literal(host).map(address -> allowedAddresses.contains(canonical(address))).orElse(false);
    }

    /** The IPv4 address an IPv6 address stands for, where it has one. */
    private static Optional<byte[]> embeddedIpv4(byte[] ipv6) {
        if (startsWith(ipv6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff) // ::ffff:a.b.c.d, IPv4-mapped
                || startsWith(ipv6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) // ::a.b.c.d, IPv4-compatible
                || startsWith(ipv6, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) { // 64:ff9b::a.b.c.d, NAT64
            return Optional.of(Arrays.copyOfRange(ipv6, 12, 16));
        }
        if (startsWith(ipv6, 0x20, 0x02)) { // 2002:aabb:ccdd::/48, 6to4
            return Optional.of(Arrays.copyOfRange(ipv6, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The same address whatever its spelling, so that {@code ::ffff:127.0.0.1} matches an allowed 127.0.0.1. */
    private static InetAddress canonical(InetAddress address) {
        try {
            // getByAddress turns an IPv4-mapped address into its IPv4 form and drops any IPv6 scope.
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", impossible);
        }
    }

    /** Host names compare without case, IPv6 literals without brackets, and a fully qualified name without its dot. */
    private static String normalizeHost(String host) {
        String normalized = host.strip().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("[") && normalized.endsWith("]")) {
            normalized = normalized.substring(1, normalized.length() - 1);
        }
        if (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    /**
     * The address an IP literal spells, without any DNS; empty for a host name. Only dotted quads count as IPv4:
     * legacy spellings such as {@code 2130706433} are not honoured in the allow-list, and {@link #resolve} judges
     * them by the address they resolve to anyway.
     */
    private static Optional<InetAddress> literal(String host) {
        if (!host.contains(":") && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException notLiteral) {
            return Optional.empty();
        }
    }

    /** A network written as address/prefix length. */
    private record Block(byte[] network, int prefixLength) {

        static Block of(String cidr) {
            String[] parts = cidr.split("/");
            return new Block(InetAddress.ofLiteral(parts[0]).getAddress(), Integer.parseInt(parts[1]));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /** A webhook target refused; the message says why, in words for the partner who registered it. */
    public static final class TargetRefusedException extends Exception {

        public TargetRefusedException(String reason) {
            super(reason);
        }
    }
}
