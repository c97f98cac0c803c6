package dev.aitrainingdirectory.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Tells who holds a key: a curator or partner key from the configuration, or a partner account's key from the
 * database (read off the event loop, at every request, so a revoked key is refused on every instance at once).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    @Inject
    ApiKeys apiKeys;
    @Inject
    PartnerKeyStore partnerKeys;

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        String key = request.key();
        // Hashed once: the configured keys, the partner keys' table and the principal all go by the digest.
        String digest = ApiKeys.hexDigest(key);
        Optional<String> configured = apiKeys.configuredRoleOfDigest(digest);
        if (configured.isPresent()) {
            return Uni.createFrom().item(identity(configured.get(), digest, null));
        }
        if (!ApiKeys.isPartnerAccountKey(key)) {
            return Uni.createFrom().failure(new AuthenticationFailedException(ApiKeyAuthenticationMechanism.UNKNOWN_KEY));
        }
        return context.runBlocking(() -> {
            long partnerId = partnerKeys.partnerOf(digest)
                    .orElseThrow(() -> new AuthenticationFailedException(ApiKeyAuthenticationMechanism.UNKNOWN_KEY));
            return identity(Roles.PARTNER, digest, partnerId);
        });
    }

    private static SecurityIdentity identity(String role, String digest, Long partnerId) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(role + ":" + digest.substring(0, 12)))
                .addRole(role);
        if (partnerId != null) {
            identity.addAttribute(Caller.PARTNER_ID, partnerId);
        }
        return identity.build();
    }
}
