package dev.aitrainingdirectory.persistence;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.Api.listingIds;
import static dev.aitrainingdirectory.support.Api.ok;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.paytier.PayRange;
import dev.aitrainingdirectory.paytier.PayTierRequest;
import dev.aitrainingdirectory.paytier.PayTierService;
import dev.aitrainingdirectory.platform.Audience;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The answers that depend on how a database compares text and time are the same on the embedded H2
 * and on PostgreSQL, whatever collation the PostgreSQL database was created with ({@code ./mvnw verify
 * -Ppostgresql} runs these against a database with a natural-language collation).
 */
@QuarkusTest
class DatabaseIndependenceTest {

    @Inject
    DirectoryFixture fixture;
    @Inject
    PayTierService payTiers;
    @Inject
    CuratedWrites writes;

    @Test
    void titleSortIsByLowerCaseCodePointsWhateverTheDatabaseCollation() {
        String platform = fixture.platform(worldwide());
        // Created out of order; "apple" and "APPLE" tie and keep their creation (id) order.
        List<String> titles = List.of("Zoe", "Éclair", "review_x", "apple", "😀 emoji", "Review: code", "ΟΔΟΣ", "a-c",
                "Ab", "zoë", "APPLE", "100% done", "Ærø", "Review 2", "eclair", "！fullwidth", "_underscore", "İstanbul",
                "review1", "ß street", "Zebra", "Apple pie");
        Map<Long, String> titleById = new LinkedHashMap<>();
        for (String title : titles) {
            titleById.put(fixture.listing(platform).title(title).create(), title);
        }

        List<String> sorted = listingIds(Map.of("platform", platform, "sort", "title")).stream().map(titleById::get).toList();

        // Lower-cased, then by Unicode code point: "100%" and "_" before the letters, accented letters
        // after z, and the emoji (beyond U+FFFF) after the fullwidth "！", where UTF-16 order puts it before.
        assertThat(sorted).containsExactly("100% done", "_underscore", "a-c", "Ab", "apple", "APPLE", "Apple pie",
                "eclair", "İstanbul", "Review 2", "review1", "Review: code", "review_x", "Zebra", "Zoe", "zoë",
                "ß street", "Ærø", "Éclair", "ΟΔΟΣ", "！fullwidth", "😀 emoji");
    }

    @Test
    void platformNameSortAndSlugTieBreaksAreByCodePointsWhateverTheDatabaseCollation() {
        String word = DirectoryFixture.unique("parity").replace("-", "");
        String base = DirectoryFixture.unique("p");
        // Two names equal but for case, so the slug decides; hyphens are ignored by some collations.
        fixture.platform(base + "-ab", "Same name " + word, Audience.GENERALIST, worldwide());
        fixture.platform(base + "-a-c", "SAME NAME " + word, Audience.GENERALIST, worldwide());
        fixture.platform(base + "-a0", "Éclair " + word, Audience.GENERALIST, worldwide());
        fixture.platform(base + "-a", "eclair " + word, Audience.GENERALIST, worldwide());
        fixture.platform(base + "-a-a", "Review: code " + word, Audience.GENERALIST, worldwide());
        fixture.platform(base + "-b", "Review 2 " + word, Audience.GENERALIST, worldwide());

        assertThat(platformSlugs(word, "name")).containsExactly(
                base + "-a", base + "-b", base + "-a-a", base + "-a-c", base + "-ab", base + "-a0");
        // No open listings anywhere: every platform ties, and the slug alone decides.
        assertThat(platformSlugs(word, "-openListings")).containsExactly(
                base + "-a", base + "-a-a", base + "-a-c", base + "-a0", base + "-ab", base + "-b");
    }

    @Test
    void payTiersWithTheSamePublishedMinimumAreOrderedBySlugCodePoints() {
        String base = DirectoryFixture.unique("t");
        for (String suffix : List.of("-ab", "-a0", "-a-c")) {
            writes.create(payTiers, new PayTierRequest(base + suffix, "Tie " + suffix, "A tier made by a test.",
                    new PayRange(new BigDecimal("0.01"), new BigDecimal("1.00"), "USD")));
        }

        List<String> slugs = ok("/api/pay-tiers", Map.of()).extract().jsonPath().getList("items.slug", String.class);

        assertThat(slugs.stream().filter(slug -> slug.startsWith(base)).toList())
                .containsExactly(base + "-a-c", base + "-a0", base + "-ab");
    }

    @Test
    void textQueryIsReadAsWordsNeverAsSyntax() {
        String platform = fixture.platform(worldwide());
        long percent = fixture.listing(platform).title("Earn 100% more").create();
        long thousand = fixture.listing(platform).title("Earn 1000 more").create();
        long underscore = fixture.listing(platform).title("Review snake_case code").create();
        fixture.listing(platform).title("Review snakeXcase code").create();
        long backslash = fixture.listing(platform).title("Paths like C:\\temp\\new").create();
        fixture.listing(platform).title("Paths like C:tempnew").create();
        List<Long> all = search(platform, null);

        assertThat(search(platform, "100%")).containsExactly(percent);
        assertThat(search(platform, "snake_case")).containsExactly(underscore);
        assertThat(search(platform, "C:\\TEMP\\new")).containsExactly(backslash);
        assertThat(search(platform, "\"Earn")).containsExactlyInAnyOrder(percent, thousand);
        assertThat(search(platform, "earn AND NOT more")).as("operators are words too").isEmpty();
        assertThat(search(platform, "🙂".repeat(100))).as("emoji are words, and no listing has them").isEmpty();
        assertThat(search(platform, "earn*")).as("no wildcards").containsExactlyInAnyOrder(percent, thousand);
        for (String nothingSearchable : List.of("%", "\\", "_", "*", "\" \"", "(", "-", "&&")) {
            assertThat(search(platform, nothingSearchable)).as(nothingSearchable).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void aQueryWithACharacterNoStoredTextCanHoldMatchesNothing() {
        String platform = fixture.platform(worldwide());
        fixture.listing(platform).title("Rate answers").create();

        // PostgreSQL cannot store NUL in text, nor take it as a parameter: on both databases such a word finds nothing.
        assertThat(search(platform, "ra\u0000te")).isEmpty();
        ok("/api/platforms", Map.of("q", "te\u0000st")).body("totalItems", is(0));
    }

    @ParameterizedTest(name = "title {0}")
    @ValueSource(strings = {"Bad\\u0000title", "Bad\\ud800title", "Bad\\udc00title"})
    void textADatabaseCannotStoreAsGivenIsABadValueNotAServerError(String jsonTitle) {
        String platform = fixture.platform(worldwide());
        Body body = Bodies.listing(platform, DirectoryFixture.unique("ext")).with("title", Bodies.raw("\"" + jsonTitle + "\""));

        // NUL cannot be stored by PostgreSQL at all; its driver would turn an unpaired surrogate into '?'.
        asCurator().contentType("application/json").body(body).when().post("/api/listings")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("title"));
        assertThat(listingIds(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).isEmpty();
    }

    @Test
    void timestampFiltersCompareAtTheMicrosecondsBothDatabasesStore() {
        String platform = fixture.platform(worldwide());
        long listing = fixture.listing(platform).postedAt("2026-11-20T10:00:00.123457Z").create();

        // A bound finer than a microsecond is compared as given, not rounded up onto the stored value.
        assertThat(listingIds(Map.of("platform", platform, "postedAfter", "2026-11-20T10:00:00.1234569Z"))).containsExactly(listing);
        assertThat(listingIds(Map.of("platform", platform, "postedAfter", "2026-11-20T10:00:00.1234561Z"))).containsExactly(listing);
        assertThat(listingIds(Map.of("platform", platform, "postedAfter", "2026-11-20T10:00:00.123457Z"))).isEmpty();

        Instant updatedAt = Instant.parse(given().when().get("/api/listings/" + listing).then().statusCode(200)
                .extract().path("updatedAt"));
        assertThat(listingIds(Map.of("platform", platform, "updatedAfter", updatedAt.minusNanos(1).toString()))).containsExactly(listing);
        assertThat(listingIds(Map.of("platform", platform, "updatedAfter", updatedAt.toString()))).isEmpty();
    }

    private static List<Long> search(String platform, String query) {
        return listingIds(query == null ? Map.of("platform", platform) : Map.of("platform", platform, "q", query));
    }

    private static List<String> platformSlugs(String word, String sort) {
        return new ArrayList<>(ok("/api/platforms", Map.of("q", word, "sort", sort, "size", 100))
                .extract().jsonPath().getList("items.slug", String.class));
    }
}
