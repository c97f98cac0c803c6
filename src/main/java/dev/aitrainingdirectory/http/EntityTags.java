package dev.aitrainingdirectory.http;

import dev.aitrainingdirectory.problem.ProblemException;
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
        return new EntityTag(version + "-" + digest(parts.toString(), 8));
    }

    /** The tag of a representation without a version of its own, such as a search answer: a digest of it. */
    public static EntityTag ofContent(String representation) {
        return new EntityTag(digest(representation, 12));
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

    /**
     * Checks the {@code If-Match} of an update or delete against the resource's version: 428 when
     * absent, 412 when no tag in it names the current version. A tag's version is its part before
     * the dash, so a live count shown beside the resource never fails a curator's write.
     */
    public static void requireCurrent(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemException.PRECONDITION_REQUIRED, "This operation needs an If-Match header"
                    + " holding the ETag you last read, so that it cannot overwrite a change you have not seen.");
        }
        if (ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.length() > 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                String value = trimmed.substring(1, trimmed.length() - 1);
                int dash = value.indexOf('-');
                if ((dash < 0 ? value : value.substring(0, dash)).equals(Long.toString(version))) {
                    return;
                }
            }
        }
        throw new ProblemException(412, "The resource has changed since the ETag in If-Match was read;"
                + " read it again, reapply your change and retry.");
    }

    private static String digest(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
