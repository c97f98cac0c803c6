package dev.aitrainingdirectory.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An RFC 9457 problem details document: every error the API answers has this shape. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * Ends a response with this problem as its body, for the route handlers that refuse a request before
     * the REST layer (and its exception mappers) sees it; the caller has set the status's own headers.
     */
    public void end(RoutingContext context, ObjectMapper objectMapper) {
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                    .end(objectMapper.writeValueAsString(this));
        } catch (JsonProcessingException impossible) {
            context.fail(impossible);
        }
    }

    /** The longest {@code instance} answered: a request path can be as long as the HTTP layer lets a request line be. */
    static final int MAX_INSTANCE_LENGTH = 2048;

    /**
     * The {@code instance} of a problem with the (decoded) request {@code path}: percent-encoded again, so
     * that it is a valid URI reference whatever the client sent (NUL, spaces, quotes, non-ASCII), and cut
     * to at most {@value #MAX_INSTANCE_LENGTH} characters.
     */
    public static String instance(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte octet : path.getBytes(StandardCharsets.UTF_8)) {
            int character = octet & 0xff;
            if (character < 0x80 && (Character.isLetterOrDigit(character) || "/-._~!$&'()*+,;=:@".indexOf(character) >= 0)) {
                encoded.append((char) character);
            } else {
                encoded.append('%').append(HEX[character >> 4]).append(HEX[character & 0xf]);
            }
            if (encoded.length() > MAX_INSTANCE_LENGTH - 3) {
                break;
            }
        }
        return encoded.toString();
    }

    /**
     * {@code text} if it has at most {@code length} characters; else its start and end around an ellipsis,
     * so that a huge value echoed in a message neither bloats the answer nor hides what the message says
     * after it.
     */
    public static String abbreviate(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int tail = length / 4;
        int head = length - tail - 1;
        if (Character.isHighSurrogate(text.charAt(head - 1))) {
            head--;
        }
        int tailStart = text.length() - tail;
        if (Character.isLowSurrogate(text.charAt(tailStart))) {
            tailStart++;
        }
        return text.substring(0, head) + "\u2026" + text.substring(tailStart);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
