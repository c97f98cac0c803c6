package dev.aitrainingdirectory.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the first search index has been built (or its build has failed, or it is turned off): until
 * then every search reads the database, which at a million listings takes seconds. Later rebuilds do
 * not make an instance unready; searches read the database meanwhile.
 */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

    @Inject
    ListingIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Search index")
                .status(index.firstBuildDone())
                .withData("listings", index.size())
                .build();
    }
}
