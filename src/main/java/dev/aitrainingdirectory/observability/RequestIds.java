package dev.aitrainingdirectory.observability;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. The id is echoed in the response header, put in the logging context (so every log
 * line of the request, JSON or text, carries {@code requestId}) and written in the access log.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String given = context.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            context.request().headers().set(HEADER, id);
            context.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            context.addEndHandler(ended -> MDC.remove(MDC_KEY));
            context.next();
        });
    }
}
