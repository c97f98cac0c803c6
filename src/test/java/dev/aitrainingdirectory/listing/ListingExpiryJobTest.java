package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingExpiryJobTest {

    @Inject
    DirectoryFixture fixture;
    @Inject
    ListingExpiryJob job;

    @Test
    void theJobClosesExpiredListingsAndRecordsTheChange() {
        String platform = fixture.platform(worldwide());
        long expired = fixture.listing(platform).postedAt("2026-01-01T00:00:00Z")
                .expiresAt(Instant.now().minus(1, ChronoUnit.MINUTES)).create();
        long current = fixture.listing(platform).expiresAt(Instant.now().plus(10, ChronoUnit.DAYS)).create();
        given().get("/api/listings/" + expired).then().body("status", equalTo("CLOSED")).body("version", equalTo(0));

        job.closeExpiredListings();

        assertThat(QuarkusTransaction.requiringNew().call(() -> TaskListing.<TaskListing>findById(expired).status))
                .isEqualTo(ListingStatus.CLOSED);
        given().get("/api/listings/" + expired).then().body("status", equalTo("CLOSED")).body("version", equalTo(1));
        given().get("/api/listings/" + current).then().body("status", equalTo("OPEN")).body("version", equalTo(0));
    }
}
