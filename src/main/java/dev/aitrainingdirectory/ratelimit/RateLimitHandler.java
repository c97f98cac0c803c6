package dev.aitrainingdirectory.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.http.ClientAddress;
import dev.aitrainingdirectory.problem.Problem;
import dev.aitrainingdirectory.security.ApiKeys;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Applies the rate limits to {@code /api/*} on the event loop, before any work is done: every
 * answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset};
 * a client over its limit gets 429 problem details with {@code Retry-After}. Health, metrics and
 * documentation are not limited.
 */
@ApplicationScoped
public class RateLimitHandler {

    @Inject
    RateLimiter limiter;
    @Inject
    ObjectMapper objectMapper;

    void install(@Observes Router router) {
        if (!limiter.enabled()) {
            return;
        }
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        String key = ApiKeys.bearerKey(request.getHeader("Authorization"));
        CompletableFuture<RateLimiter.Decision> decision = limiter.consume(key, ClientAddress.of(context));
        if (decision.isDone()) {
            answer(context, decision.join());
            return;
        }
        // Redis answers on another thread: the request waits, its body unread, and goes on on its own context.
        Context vertxContext = Vertx.currentContext();
        request.pause();
        decision.whenComplete((taken, failure) -> vertxContext.runOnContext(ignored -> {
            request.resume();
            if (failure != null) {
                context.fail(failure); // never expected (the limiter falls back instead of failing), but never a hung request
                return;
            }
            answer(context, taken);
        }));
    }

    private void answer(RoutingContext context, RateLimiter.Decision decision) {
        context.response()
                .putHeader("RateLimit-Limit", Long.toString(decision.limit()))
                .putHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            context.next();
            return;
        }
        Problem problem = new Problem("about:blank", "Too Many Requests", 429,
                "This client has used its " + decision.limit() + " requests a minute; retry after "
                        + decision.resetSeconds() + " seconds.", context.request().path(), List.of());
        context.response().putHeader("Retry-After", Long.toString(decision.resetSeconds()));
        problem.end(context, objectMapper);
    }
}
