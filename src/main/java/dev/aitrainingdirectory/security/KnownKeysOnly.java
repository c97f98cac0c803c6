package dev.aitrainingdirectory.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses (401) a request whose {@code Authorization} header names no known key, on every operation, reads
 * included. Served silently as anonymous, a partner with a mistyped or revoked key would only notice when the
 * anonymous rate limit hit it. No header at all is still an anonymous caller. The key is told apart once per
 * request: this resolves the request's identity, which the role checks of the operation then reuse. Runs after
 * the rate limiter, which counts such a request against its address, so guessing keys is throttled.
 */
public class KnownKeysOnly {

    /** Looked up per request: REST filters are created at static init, before the configuration is readable. */
    @Inject
    Instance<CurrentIdentityAssociation> identity;

    /** Runs on the operation's worker thread (every operation is blocking), where a partner key's lookup may wait. */
    @ServerRequestFilter
    public void requireKnownKey(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            // Fails with AuthenticationFailedException (401) when the header names no key.
            identity.get().getIdentity();
        }
    }
}
