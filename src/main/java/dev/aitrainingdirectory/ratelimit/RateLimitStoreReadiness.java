package dev.aitrainingdirectory.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the rate limits are kept. Always up: without Redis the instance still limits every client,
 * with its own buckets, so it stays ready; the data says that it is degraded ({@code shared: false}),
 * since when, and why, for an operator to see.
 */
@Readiness
@ApplicationScoped
public class RateLimitStoreReadiness implements HealthCheck {

    @Inject
    RateLimiter limiter;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Rate limits").up();
        if (!limiter.enabled()) {
            return response.withData("store", "off").build();
        }
        return limiter.sharedState()
                .map(state -> {
                    response.withData("store", "redis").withData("shared", state.shared()).withData("since", state.since().toString());
                    if (state.reason() != null) {
                        response.withData("fallback", "this instance's own buckets").withData("reason", state.reason());
                    }
                    return response.build();
                })
                .orElseGet(() -> response.withData("store", "memory").build());
    }
}
