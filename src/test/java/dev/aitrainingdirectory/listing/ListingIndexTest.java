package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.DirectoryFixture.countries;
import static dev.aitrainingdirectory.support.DirectoryFixture.rules;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory index answers exactly as the database does: the same total, the same page in the
 * same order, the same facet counts, for a few thousand random searches over listings with mixed
 * rules, statuses, expiries and pay. It is used only while it holds the database's last change.
 */
@QuarkusTest
class ListingIndexTest {

    private static final long SEED = Long.getLong("index.seed", System.nanoTime());
    private static final List<String> WORDS = List.of("python", "essay", "rate", "law", "zebra", "50%", "a_b", "");
    private static final List<String> COUNTRIES = List.of("IN", "US", "PH", "GB", "DE", "BR");
    private static final List<String> LANGUAGES = List.of("en", "es", "pt", "tl");
    private static final List<String> CREDENTIALS = List.of("law-degree", "phd");
    private static final List<String> TIERS = List.of("general-writing", "coding", "languages", "stem-math", "domain-expert");
    private static final List<String> SORTS = List.of("-postedAt", "postedAt", "-pay", "pay", "title", "-updatedAt");
    private static final List<String> FACETS = List.of("platform", "tier", "taskType", "country", "language", "status");
    private static final List<EligibilityRules> RULES = List.of(worldwide(), worldwide(), countries("IN"),
            countries("US", "GB"), rules(List.of(), List.of("PH"), List.of(), List.of()),
            rules(List.of("IN", "PH"), List.of("PH"), List.of("en"), List.of()),
            rules(List.of(), List.of(), List.of("es"), List.of("law-degree")),
            rules(List.of(), List.of(), List.of("en", "pt"), List.of()),
            rules(List.of("BR"), List.of(), List.of("pt"), List.of("phd")));

    @Inject
    DirectoryFixture fixture;

    @Inject
    ListingSearch search;

    @Inject
    ListingIndex index;

    private final Random random = new Random(SEED);
    private final List<String> platforms = new ArrayList<>();

    @BeforeEach
    void buildDataset() {
        platforms.add(fixture.platform(worldwide()));
        platforms.add(fixture.platform(rules(List.of(), List.of("US"), List.of(), List.of())));
        platforms.add(fixture.platform(countries("IN", "PH", "US", "BR")));
        Instant now = Instant.now();
        for (int i = 0; i < 90; i++) {
            DirectoryFixture.ListingBuilder listing = fixture.listing(pick(platforms))
                    .title(pick(List.of("Rate essays", "Python review", "Law Q&A", "Compare answers", "rate 50% of a_b")))
                    .description(pick(List.of("Short tasks.", "Python and law.", "Essays to rate.")))
                    .taskType(pick(List.of(TaskType.values())))
                    .tier(pick(TIERS))
                    .eligibility(pick(RULES))
                    .status(pick(List.of(ListingStatus.OPEN, ListingStatus.OPEN, ListingStatus.PAUSED, ListingStatus.CLOSED)))
                    .postedAt(Instant.parse("2026-06-01T00:00:00Z").plus(random.nextInt(150), ChronoUnit.DAYS)
                            .plusMillis(random.nextInt(1000)).toString());
            if (random.nextInt(4) > 0) {
                int min = 5 + random.nextInt(40);
                listing.hourly((min * 100 + random.nextInt(100)) / 100.0, min + 1 + random.nextInt(30));
            }
            if (random.nextInt(3) == 0) {
                listing.expiresAt(now.plus(random.nextInt(20) - 10, ChronoUnit.DAYS));
            }
            listing.create();
        }
    }

    @Test
    void answersEveryRandomSearchExactlyAsTheDatabaseDoes() throws Exception {
        index.rebuild();
        int compared = 0;
        for (int round = 0; round < 2500; round++) {
            ListingSearchParams params = randomParams();
            String described = describe(params);
            Optional<Boolean> same = QuarkusTransaction.requiringNew().call(() -> {
                ListingSearch.Request request;
                try {
                    request = search.parse(params);
                } catch (ProblemException rejected) {
                    return Optional.empty();
                }
                ListingSnapshot snapshot = index.current().orElseThrow(() -> new AssertionError("the index is not current"));
                Instant now = TimestampedEntity.now();
                ListingSnapshot.Found fromIndex = search.findInIndex(request, snapshot, now);
                ListingSnapshot.Found fromDatabase = search.findInDatabase(request, now);
                assertThat(fromIndex).as("seed %d, search %s", SEED, described).isEqualTo(fromDatabase);
                return Optional.of(true);
            });
            compared += same.isPresent() ? 1 : 0;
        }
        assertThat(compared).as("searches compared (the rest were rejected as invalid)").isGreaterThan(2000);
    }

    @Test
    void answersFromTheIndexOnlyWhileItHoldsTheLastChange() throws Exception {
        index.rebuild();
        String platform = platforms.get(0);
        double fromIndex = searches("index");
        double fromDatabase = searches("database");
        given().queryParam("platform", platform).queryParam("postedAfter", unique())
                .get("/api/listings").then().statusCode(200);
        assertThat(searches("index")).isEqualTo(fromIndex + 1);

        long added = fixture.listing(platform).title("Just added").postedAt("2026-11-26T00:00:00Z").create();
        String firstId = given().queryParam("platform", platform).queryParam("postedAfter", unique())
                .get("/api/listings").then().statusCode(200).extract().path("items[0].id").toString();
        assertThat(firstId).isEqualTo(Long.toString(added));
        assertThat(searches("database")).as("the first search after a write reads the database").isEqualTo(fromDatabase + 1);

        index.rebuild();
        given().queryParam("platform", platform).queryParam("postedAfter", unique())
                .get("/api/listings").then().statusCode(200).body("items[0].id", equalTo((int) added));
        assertThat(searches("index")).isEqualTo(fromIndex + 2);

        // The page's listings were kept in memory; a change to one is shown once the index has it.
        String tag = given().get("/api/listings/" + added).then().statusCode(200).extract().header("ETag");
        Api.asCurator().header("If-Match", tag).contentType("application/merge-patch+json")
                .body("{\"title\": \"Renamed after the search\"}").patch("/api/listings/" + added).then().statusCode(200);
        index.rebuild();
        given().queryParam("platform", platform).queryParam("postedAfter", unique())
                .get("/api/listings").then().statusCode(200).body("items[0].title", equalTo("Renamed after the search"));
        assertThat(searches("index")).isEqualTo(fromIndex + 3);
    }

    /** A postedAfter long before every listing, different on each call, so the search cache never answers. */
    private static String unique() {
        return Instant.parse("2001-01-01T00:00:00Z").plusNanos(System.nanoTime() % 1_000_000_000L / 1000 * 1000).toString();
    }

    private static double searches(String source) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^directory_searches_total\\{source=\"" + source + "\"} (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private ListingSearchParams randomParams() {
        ListingSearchParams params = new ListingSearchParams();
        params.q = maybe(() -> List.of(pick(WORDS) + (random.nextInt(4) == 0 ? " " + pick(WORDS) : "")));
        params.country = maybe(() -> List.of(pick(COUNTRIES)));
        params.speaks = maybe(() -> List.of(some(LANGUAGES)));
        params.holds = maybe(() -> List.of(some(CREDENTIALS)));
        params.language = maybe(() -> List.of(some(LANGUAGES)));
        params.platform = random.nextBoolean() ? List.of(some(platforms)) : null;
        params.tier = maybe(() -> List.of(some(TIERS)));
        params.taskType = maybe(() -> List.of(pick(List.of(TaskType.values())).name()));
        params.status = maybe(() -> List.of(some(List.of("OPEN", "PAUSED", "CLOSED"))));
        params.minPay = maybe(() -> List.of(random.nextInt(50) + (random.nextBoolean() ? "" : ".505")));
        params.maxPay = maybe(() -> List.of(Integer.toString(20 + random.nextInt(80))));
        params.includeUnknownPay = maybe(() -> List.of(Boolean.toString(random.nextBoolean())));
        params.postedAfter = maybe(() -> List.of(Instant.parse("2026-06-01T00:00:00Z")
                .plus(random.nextInt(150), ChronoUnit.DAYS).toString()));
        params.sort = maybe(() -> List.of(pick(SORTS)));
        params.facets = random.nextBoolean() ? List.of(some(FACETS)) : null;
        params.page = maybe(() -> List.of(Integer.toString(random.nextInt(4))));
        params.size = maybe(() -> List.of(Integer.toString(1 + random.nextInt(10))));
        return params;
    }

    private <T> List<T> maybe(java.util.function.Supplier<List<T>> value) {
        return random.nextInt(3) == 0 ? value.get() : null;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One to three values, comma-separated. */
    private String some(List<String> values) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            chosen.add(pick(values));
        }
        return String.join(",", chosen.stream().distinct().toList());
    }

    private static String describe(ListingSearchParams p) {
        return "q=" + p.q + " country=" + p.country + " speaks=" + p.speaks + " holds=" + p.holds + " language=" + p.language
                + " platform=" + p.platform + " tier=" + p.tier + " taskType=" + p.taskType + " status=" + p.status
                + " minPay=" + p.minPay + " maxPay=" + p.maxPay + " includeUnknownPay=" + p.includeUnknownPay
                + " postedAfter=" + p.postedAfter + " sort=" + p.sort + " facets=" + p.facets + " page=" + p.page
                + " size=" + p.size;
    }
}
