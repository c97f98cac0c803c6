package dev.aitrainingdirectory.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer's own limits, answered as problem details like every other refusal: a request line
 * longer than {@value #MAX_REQUEST_LINE} bytes is a 414, headers over {@value #MAX_HEADERS} bytes a 431, a
 * body whose {@code Content-Length} is over {@code quarkus.http.limits.max-body-size} a 413.
 * Browsers and CDNs send request lines up to 8 KB and more, so the limit sits above that. The server's
 * codec stops only far larger requests ({@code quarkus.http.limits} in application.properties), which
 * it refuses without a body before any handler can see them.
 */
@ApplicationScoped
public class HttpLimits {

    /** The longest request line served: method, target and version. */
    public static final int MAX_REQUEST_LINE = 16 * 1024;
    /** The most bytes of header fields (names, values and their separators) served. */
    public static final int MAX_HEADERS = 32 * 1024;

    @Inject
    ObjectMapper objectMapper;
    /** The largest body read, as the server's codec enforces it too (for bodies that do not say their length). */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(context -> {
            HttpServerRequest request = context.request();
            int line = request.method().name().length() + 1 + request.uri().length() + 1 + "HTTP/1.1".length();
            if (line > MAX_REQUEST_LINE) {
                refuse(context, 414, "URI Too Long", "The request line has " + line + " bytes, more than the " + MAX_REQUEST_LINE
                        + " this service reads; send fewer or shorter query parameters.");
                return;
            }
            int headers = 0;
            for (Map.Entry<String, String> header : request.headers()) {
                headers += header.getKey().length() + header.getValue().length() + 4;
            }
            if (headers > MAX_HEADERS) {
                refuse(context, 431, "Request Header Fields Too Large", "The request's header fields have " + headers
                        + " bytes, more than the " + MAX_HEADERS + " this service reads.");
                return;
            }
            String length = request.getHeader("Content-Length");
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBodySize.asLongValue()) {
                refuse(context, 413, "Content Too Large", "The request body has " + length + " bytes, more than the "
                        + maxBodySize.asLongValue() + " this service reads.");
                return;
            }
            context.next();
        });
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        context.response().putHeader("Connection", "close");
        new Problem("about:blank", title, status, detail, Problem.instance(path == null ? "/" : path), List.of())
                .end(context, objectMapper);
    }
}
