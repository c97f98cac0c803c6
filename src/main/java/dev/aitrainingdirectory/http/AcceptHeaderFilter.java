package dev.aitrainingdirectory.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code Accept} header before the REST layer does, keeping only the media ranges it can
 * parse: an empty header, or one of no media type at all, then asks for nothing in particular, as if
 * absent (RFC 9110 lets a server disregard a header it cannot use). Without this, an operation
 * offering several media types fails to negotiate on such a header, which would be a 500.
 *
 * <p>A {@code DELETE} answers 204 without content, or problem details, which are sent whatever the
 * header asks for: nothing it answers depends on {@code Accept}, so the header is set aside. Otherwise a
 * client that accepts only what the operation's document lists for it, {@code application/problem+json}
 * (as openapi-generator's clients send), would be refused with 406 instead of deleting.
 */
@ApplicationScoped
public class AcceptHeaderFilter {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (context.request().method() == HttpMethod.DELETE) {
                context.request().headers().remove(HttpHeaders.ACCEPT);
                context.next();
                return;
            }
            List<String> values = context.request().headers().getAll(HttpHeaders.ACCEPT);
            if (!values.isEmpty()) {
                List<String> usable = usableRanges(values);
                if (usable.isEmpty()) {
                    context.request().headers().remove(HttpHeaders.ACCEPT);
                } else if (usable.size() != rangeCount(values)) {
                    context.request().headers().set(HttpHeaders.ACCEPT, String.join(", ", usable));
                }
            }
            context.next();
        });
    }

    static List<String> usableRanges(List<String> values) {
        List<String> usable = new ArrayList<>();
        for (String value : values) {
            for (String range : value.split(",")) {
                String trimmed = range.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    MediaType.valueOf(trimmed);
                    usable.add(trimmed);
                } catch (IllegalArgumentException unparsable) {
                    // Left out: a client that sent it asked for nothing this service can name.
                }
            }
        }
        return usable;
    }

    private static int rangeCount(List<String> values) {
        return values.stream().mapToInt(value -> value.split(",", -1).length).sum();
    }
}
