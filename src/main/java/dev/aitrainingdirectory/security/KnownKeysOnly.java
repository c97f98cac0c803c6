package dev.aitrainingdirectory.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses (401) a request whose {@code Authorization} header names no known key, on every operation, reads
 * included. Served silently as anonymous, a partner with a mistyped or revoked key would only notice when the
 * anonymous rate limit hit it. No header at all is still an anonymous caller. Runs after the rate limiter,
 * which counts such a request against its address, so guessing keys is throttled.
 */
public class KnownKeysOnly {

    /** Looked up per request: REST filters are created at static init, before the configuration is readable. */
    @Inject
    Instance<ApiKeys> apiKeys;

    @ServerRequestFilter
    public void requireKnownKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return;
        }
        String key = ApiKeys.bearerKey(authorization);
        if (key == null) {
            throw new AuthenticationFailedException(ApiKeyAuthenticationMechanism.NOT_BEARER);
        }
        if (apiKeys.get().roleOf(key).isEmpty()) {
            throw new AuthenticationFailedException(ApiKeyAuthenticationMechanism.UNKNOWN_KEY);
        }
    }
}
