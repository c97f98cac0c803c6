package dev.aitrainingdirectory.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates {@code Authorization: Bearer <api-key>}. No header means an anonymous caller; a header
 * that names no key ({@link ApiKeyIdentityProvider} tells) fails authentication (401). Authentication is not proactive, so it runs
 * where a role is needed; {@link KnownKeysOnly} refuses such a header on every other operation too.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Why a header that names no known key is refused, wherever it is sent. */
    static final String NOT_BEARER = "The Authorization header must be 'Bearer <api-key>'.";
    static final String UNKNOWN_KEY = "The API key is not valid: it was mistyped, or it has been revoked.";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        String key = ApiKeys.bearerKey(authorization);
        if (key == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(NOT_BEARER));
        }
        return identityProviderManager.authenticate(new ApiKeyRequest(key));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"directory\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }
}
