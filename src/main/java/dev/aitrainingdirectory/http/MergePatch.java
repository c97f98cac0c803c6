package dev.aitrainingdirectory.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aitrainingdirectory.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) on Jackson trees. The RFC's algorithm is a dozen lines; applying it
 * to Jackson nodes directly avoids converting every body to JSON-P and back.
 */
public final class MergePatch {

    /** The media type of a merge patch body. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /**
     * The merge patch in a request body: a JSON object in UTF-8 (RFC 8259). Anything else is a 400: bytes
     * that are not UTF-8 (which a lenient decoder would turn into U+FFFD and store), an empty body, or a
     * JSON value that is not an object (RFC 7396 would let it replace the whole resource, which no
     * resource here can be).
     */
    public static JsonNode read(ObjectMapper objectMapper, byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ProblemException(400, "The request body is not UTF-8.");
        }
        JsonNode patch;
        try {
            patch = objectMapper.readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw ProblemException.unreadable(unreadable);
        }
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, "A merge patch must be a JSON object naming the fields to change.");
        }
        return patch;
    }

    /**
     * The write body that results from applying {@code patch} to {@code current} (the resource as a
     * curator would write it again); a result that is no valid body is a 400 naming the field.
     */
    public static <T> T applyTo(ObjectMapper objectMapper, T current, JsonNode patch, Class<T> type) {
        try {
            return objectMapper.treeToValue(apply(objectMapper.valueToTree(current), patch), type);
        } catch (JsonProcessingException unfit) {
            throw ProblemException.unfitBody(unfit);
        }
    }

    /** The result of applying {@code patch} to {@code target}; neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
