package dev.aitrainingdirectory.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the search index has been current with the change log since the start: built, when it was
 * empty or could not be used, or caught up from its last commit. Until then searches would wait for it.
 */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

    @Inject
    ListingIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Search index")
                .status(index.ready())
                .withData("listings", index.size())
                .withData("changeLogSeq", index.searchable())
                .build();
    }
}
