package dev.aitrainingdirectory.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Objects;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives a REST call what {@link ClientAddress} found out about its client: the address in the logging
 * context of the thread that serves it, and the scheme a trusted proxy named in the URIs that resources
 * build {@code Location}, {@code Link} and feed links from, so that they point where the client can
 * follow them ({@code https} behind a TLS-terminating ingress).
 */
public class ForwardedScheme {

    @ServerRequestFilter(preMatching = true)
    public void apply(ContainerRequestContext request, RoutingContext context) {
        MDC.put(ClientAddress.MDC_KEY, ClientAddress.of(context));
        String scheme = ClientAddress.forwardedScheme(context);
        URI requestUri = request.getUriInfo().getRequestUri();
        if (scheme != null && !scheme.equals(requestUri.getScheme())) {
            request.setRequestUri(withScheme(request.getUriInfo().getBaseUri(), scheme), withScheme(requestUri, scheme));
        }
    }

    /** The URI with another scheme, every other part as it was written; a port that was the old scheme's default is dropped. */
    static URI withScheme(URI uri, String scheme) {
        boolean defaultPort = uri.getPort() == 80 && "http".equals(uri.getScheme()) || uri.getPort() == 443 && "https".equals(uri.getScheme());
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String port = uri.getPort() < 0 || defaultPort ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + userInfo + uri.getHost() + port + Objects.toString(uri.getRawPath(), "")
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
    }
}
