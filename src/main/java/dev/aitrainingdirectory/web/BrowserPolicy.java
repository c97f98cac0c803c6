package dev.aitrainingdirectory.web;

import dev.aitrainingdirectory.config.DirectoryConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * What browsers are told on every response: security headers (no sniffing, no referrer, a strict
 * Content-Security-Policy, HSTS when the request came over TLS) and CORS, which lets pages of the
 * configured origins read the API and only pages of the write origins change it.
 */
@ApplicationScoped
public class BrowserPolicy {

    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id";
    private static final String EXPOSED_HEADERS = "ETag, Link, Location, Retry-After, X-Request-Id, "
            + "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
    /** JSON needs no sources at all; the Swagger UI page needs its own scripts and styles. */
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Inject
    DirectoryConfig config;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::apply);
    }

    private void apply(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "no-referrer");
        response.putHeader("X-Frame-Options", "DENY");
        response.putHeader("Content-Security-Policy", request.path().startsWith("/q/swagger-ui") ? DOCS_POLICY : API_POLICY);
        if (request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        response.putHeader("Vary", "Origin");
        boolean preflight = request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        HttpMethod method = preflight ? HttpMethod.valueOf(request.getHeader("Access-Control-Request-Method")) : request.method();
        boolean allowed = READ_METHODS.contains(method) ? allows(config.cors().readOrigins(), origin)
                : allows(config.cors().writeOrigins().orElse(List.of()), origin);
        if (allowed) {
            response.putHeader("Access-Control-Allow-Origin", origin);
            response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (preflight) {
            if (allowed) {
                response.putHeader("Access-Control-Allow-Methods", method.name());
                response.putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.putHeader("Access-Control-Max-Age", "600");
            }
            // A refused preflight gets no allow headers: the browser then blocks the call.
            response.setStatusCode(204).end();
            return;
        }
        context.next();
    }

    private static boolean allows(List<String> origins, String origin) {
        return origins.stream().map(String::trim).anyMatch(allowed -> allowed.equals("*") || allowed.equalsIgnoreCase(origin));
    }
}
