package dev.aitrainingdirectory.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key of an {@code Authorization: Bearer} header, to be told apart as a curator's, a partner's or nobody's. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
