package dev.aitrainingdirectory.http;

import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.config.DirectoryConfig.Http.ForwardedHeader;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The address of the client a request comes from, which the rate limits, the access log and the
 * logging context use, and the scheme it used, which the links the service writes carry. The client is
 * the connection's peer unless that peer is a proxy this service trusts: then the forwarding header is
 * read from its right end, where the nearest proxy wrote, skipping the trusted proxies, and the first
 * address that is not one of them is the client. Whatever lies to its left was written by the client or
 * by hops nobody vouches for, so it is never used: a client cannot pick the address it is limited by,
 * not even by sending its own {@code X-Forwarded-For} through a proxy that appends to it.
 *
 * <p>Configured by {@code directory.http.trusted-proxies} (addresses or CIDR ranges; none by default,
 * and then forwarding headers are ignored) and {@code directory.http.forwarded-header} ({@code
 * x-forwarded-for} with {@code X-Forwarded-Proto}, or RFC 7239 {@code forwarded}). Quarkus' own
 * forwarding ({@code quarkus.http.proxy.*}) stays off: it takes the leftmost entry, which a client can
 * write, and a request whose leftmost entry is empty is never answered (its parser throws before any
 * route runs). The scheme a trusted proxy names replaces the request's in the URIs that resources
 * build links from ({@link ForwardedScheme}).
 *
 * <p>A header from an untrusted peer is ignored. A malformed entry (not an IP address, an IPv6 zone,
 * an obfuscated RFC 7239 identifier) ends the walk at the trusted hop to its right, and so does a
 * list longer than {@value #MAX_HOPS} entries: a bad header narrows the client to a proxy's address,
 * never widens a limit, and never fails the request.
 */
@Singleton
public class ClientAddress {

    /** The request header this handler sets to the client's address (any sent by a client is replaced). */
    public static final String HEADER = "X-Directory-Client-Address";
    /** The key of the client's address in the logging context. */
    public static final String MDC_KEY = "clientAddress";
    /** At most this many forwarding entries are read, from the right; a real chain of proxies is short. */
    static final int MAX_HOPS = 16;

    private static final Logger LOG = Logger.getLogger(ClientAddress.class);
    private static final String CONTEXT_KEY = ClientAddress.class.getName();
    private static final String SCHEME_KEY = ClientAddress.class.getName() + ".scheme";

    private final ForwardedHeader header;
    private final List<IpSubnetFilterRule> trusted;

    @Inject
    ClientAddress(DirectoryConfig config) {
        this(config.http().trustedProxies(), config.http().forwardedHeader());
    }

    ClientAddress(Optional<List<String>> trustedProxies, ForwardedHeader header) {
        this.header = header;
        this.trusted = trustedProxies.orElse(List.of()).stream().map(ClientAddress::rule).flatMap(Optional::stream).toList();
    }

    /** The scheme a trusted proxy says the client used ({@code http} or {@code https}); null when none did. */
    static String forwardedScheme(RoutingContext context) {
        return context.get(SCHEME_KEY);
    }

    /** The client's address of a request that passed this handler; the peer's for one that did not. */
    public static String of(RoutingContext context) {
        String address = context.get(CONTEXT_KEY);
        return address != null ? address : peer(context.request());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerRequest request = context.request();
            String peer = peer(request);
            InetAddress peerAddress = literal(peer);
            boolean fromTrustedProxy = isTrusted(peerAddress);
            String address = fromTrustedProxy ? walk(peerAddress, forwardingEntries(request)) : peer;
            context.put(CONTEXT_KEY, address);
            if (fromTrustedProxy) {
                forwardedScheme(request).ifPresent(scheme -> context.put(SCHEME_KEY, scheme));
            }
            request.headers().set(HEADER, address);
            MDC.put(MDC_KEY, address);
            context.addEndHandler(ended -> MDC.remove(MDC_KEY));
            context.next();
        });
    }

    /**
     * The client's address, given the connection's peer and the forwarding header's entries in the order
     * they were written (leftmost first).
     */
    String resolve(String peer, List<String> entries) {
        InetAddress peerAddress = literal(peer);
        return isTrusted(peerAddress) ? walk(peerAddress, entries) : peer;
    }

    /** The walk from the right, past trusted hops, starting at a peer that is a trusted proxy. */
    private String walk(InetAddress trustedPeer, List<String> entries) {
        InetAddress current = trustedPeer;
        int last = entries.size() - 1;
        for (int hop = last; hop >= 0 && hop > last - MAX_HOPS; hop--) {
            InetAddress written = literal(entries.get(hop));
            if (written == null) {
                break;
            }
            current = written;
            if (!isTrusted(written)) {
                break;
            }
        }
        return NetUtil.toAddressString(current);
    }

    private boolean isTrusted(InetAddress address) {
        if (address == null || trusted.isEmpty()) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    private List<String> forwardingEntries(HttpServerRequest request) {
        return header == ForwardedHeader.FORWARDED
                ? elements(request, "Forwarded").stream().map(element -> parameter(element, "for")).toList()
                : elements(request, "X-Forwarded-For");
    }

    /** The scheme the nearest proxy says the client used: {@code http} or {@code https}, else none. */
    private Optional<String> forwardedScheme(HttpServerRequest request) {
        List<String> elements = header == ForwardedHeader.FORWARDED
                ? elements(request, "Forwarded").stream().map(element -> parameter(element, "proto")).toList()
                : elements(request, "X-Forwarded-Proto");
        String scheme = elements.isEmpty() ? "" : elements.getLast().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? Optional.of(scheme) : Optional.empty();
    }

    /** The comma-separated elements of every field of a header, trimmed, leftmost first. */
    private static List<String> elements(HttpServerRequest request, String name) {
        List<String> elements = new ArrayList<>();
        for (String value : request.headers().getAll(name)) {
            for (String element : value.split(",", -1)) {
                elements.add(element.trim());
            }
        }
        return elements;
    }

    /** A parameter ({@code for}, {@code proto}) of one RFC 7239 element, unquoted; empty when it has none. */
    static String parameter(String element, String name) {
        for (String pair : element.split(";")) {
            String trimmed = pair.trim();
            if (trimmed.length() > name.length() && trimmed.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                String value = trimmed.substring(name.length() + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }

    /**
     * An IP address written as a literal, with or without a port ({@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}); null for anything else. Never a name lookup.
     */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64 || text.indexOf('%') >= 0) {
            return null;
        }
        String host = text;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0 || !(end == host.length() - 1 || host.charAt(end + 1) == ':')) {
                return null;
            }
            host = host.substring(1, end);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host) ? NetUtil.createInetAddressFromIpAddressString(host) : null;
    }

    private static String peer(HttpServerRequest request) {
        // The connection's own peer, even if Quarkus' forwarding were turned on and replaced request.remoteAddress().
        SocketAddress peer = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        return peer == null || peer.host() == null ? "unknown" : peer.host();
    }

    private static Optional<IpSubnetFilterRule> rule(String proxy) {
        String entry = proxy.trim();
        int slash = entry.indexOf('/');
        InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            LOG.warnf("The trusted proxy '%s' is not an IP address or CIDR range: client addresses are not taken from it", entry);
            return Optional.empty();
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                LOG.warnf("The trusted proxy range '%s' has no valid prefix length: client addresses are not taken from it", entry);
                return Optional.empty();
            }
        }
        return Optional.of(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
    }
}
