package dev.aitrainingdirectory.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who sent a request, as the resources need it: the role of its key, and the partner account the key belongs
 * to. A partner key from the configuration has no account ({@code partnerId} null): it reads with the partner
 * rate limit, but owns nothing.
 */
public record Caller(String role, Long partnerId) {

    /** The attribute of a {@link SecurityIdentity} that holds the partner account's id. */
    static final String PARTNER_ID = "directory.partner-id";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, null);
        }
        String role = identity.hasRole(Roles.CURATOR) ? Roles.CURATOR : identity.hasRole(Roles.PARTNER) ? Roles.PARTNER : null;
        return new Caller(role, identity.getAttribute(PARTNER_ID));
    }
}
