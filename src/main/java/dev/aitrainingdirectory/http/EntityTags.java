package dev.aitrainingdirectory.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Strong ETags for single resources. A tag starts with the resource's {@code version} and adds a
 * digest of whatever else its representation shows that the version does not cover (its platform's
 * version, a live count, an expiry that has passed), so a 304 never hides a change.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The tag of a representation at {@code version} that also shows {@code derived}. */
    public static EntityTag of(long version, Object... derived) {
        StringBuilder parts = new StringBuilder();
        for (Object part : derived) {
            parts.append(part).append('\u001f');
        }
        return new EntityTag(version + "-" + digest(parts.toString()));
    }

    /**
     * 304 when the request's {@code If-None-Match} names the current tag, else 200 with the body;
     * both carry the tag.
     */
    public static <T> RestResponse<T> conditionalGet(Request request, EntityTag tag, Supplier<T> body) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return RestResponse.ResponseBuilder.<T>notModified(tag).build();
        }
        return RestResponse.ResponseBuilder.ok(body.get()).tag(tag).build();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
