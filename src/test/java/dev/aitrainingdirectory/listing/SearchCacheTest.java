package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search's fast path, as a client sees it: tags, revalidation, and never a stale answer after a write or an expiry. */
@QuarkusTest
class SearchCacheTest {

    @Inject
    DirectoryFixture fixture;
    @Inject
    SearchCache cache;

    /** A head of the change log far from the real one, so these keys never meet the service's own. */
    private static final long HEAD = 1L << 50;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private String platform;

    @BeforeEach
    void givenAPlatformWithAListing() {
        platform = fixture.platform(worldwide());
        fixture.listing(platform).title("Rate Python answers").create();
    }

    @Test
    void aSearchAnswerIsTaggedAndRevalidatesTo304WithoutABody() {
        Response first = search(Map.of("platform", platform));
        first.then().statusCode(200)
                .header("ETag", matchesPattern("^\"[0-9a-f]+\"$"))
                .header("Cache-Control", equalTo("public, no-cache"))
                .body("totalItems", equalTo(1));

        given().queryParam("platform", platform).header("If-None-Match", first.header("ETag"))
                .when().get("/api/listings")
                .then().statusCode(304).body(emptyString())
                .header("ETag", equalTo(first.header("ETag")))
                .header("Cache-Control", equalTo("public, no-cache"));
        given().queryParam("platform", platform).header("If-None-Match", "\"0123abcd\"")
                .when().get("/api/listings").then().statusCode(200).body("items[0].title", equalTo("Rate Python answers"));
    }

    @Test
    void aCuratorSeesTheirOwnWriteInTheNextSearch() {
        Response before = search(Map.of("platform", platform, "sort", "title"));
        assertThat(before.jsonPath().getList("items.title")).containsExactly("Rate Python answers");

        asCurator().contentType(ContentType.JSON).body(Bodies.listing(platform, "cache-1").with("title", "Compare Rust answers"))
                .when().post("/api/listings").then().statusCode(201);

        Response after = search(Map.of("platform", platform, "sort", "title"));
        assertThat(after.jsonPath().getList("items.title")).containsExactly("Compare Rust answers", "Rate Python answers");
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        given().queryParam("platform", platform).queryParam("sort", "title").header("If-None-Match", before.header("ETag"))
                .when().get("/api/listings").then().statusCode(200).body("totalItems", equalTo(2));
    }

    @Test
    void theSameSearchInAnotherParameterOrderIsTheSameAnswerWithItsOwnLinks() {
        Response one = given().urlEncodingEnabled(false)
                .when().get("/api/listings?platform=" + platform + "&size=1&status=OPEN,CLOSED");
        Response other = given().urlEncodingEnabled(false)
                .when().get("/api/listings?status=OPEN,CLOSED&size=1&platform=" + platform);

        assertThat(other.header("ETag")).isEqualTo(one.header("ETag"));
        assertThat(other.asString()).isEqualTo(one.asString());
        assertThat(firstLink(one)).endsWith("/api/listings?platform=" + platform + "&size=1&status=OPEN,CLOSED&page=0");
        assertThat(firstLink(other)).endsWith("/api/listings?status=OPEN,CLOSED&size=1&platform=" + platform + "&page=0");
    }

    @Test
    void aRejectedSearchIsNotKeptAndAValidOneIsServedFromTheCache() {
        given().queryParam("platform", platform).queryParam("minPay", "lots").when().get("/api/listings")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("platform", platform).queryParam("minPay", "lots").when().get("/api/listings")
                .then().statusCode(400).contentType("application/problem+json");

        double hitsBefore = searchCacheHits();
        search(Map.of("platform", platform, "minPay", "10"));
        search(Map.of("platform", platform, "minPay", "10"));
        search(Map.of("platform", platform, "minPay", "10"));
        assertThat(searchCacheHits()).isEqualTo(hitsBefore + 2);
    }

    @Test
    void concurrentMissesOfOneSearchRunItOnceAndAFailureIsNotKept() throws Exception {
        Map<String, List<String>> query = Map.of("q", List.of(DirectoryFixture.unique("stampede")));
        AtomicInteger searches = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<SearchCache.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> cache.answer(HEAD, query, NOW, () -> {
                    searches.incrementAndGet();
                    await(release);
                    return SearchCache.Answer.of("{\"items\":[]}", 0, 0, Instant.MAX);
                })));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<SearchCache.Answer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).json()).isEqualTo("{\"items\":[]}");
            }
            assertThat(searches).hasValue(1);
        } finally {
            clients.shutdownNow();
        }

        Map<String, List<String>> rejected = Map.of("q", List.of(DirectoryFixture.unique("rejected")));
        ProblemException problem = new ProblemException(400, "bad");
        assertThatThrownBy(() -> cache.answer(HEAD, rejected, NOW, () -> {
            throw problem;
        })).isSameAs(problem);
        assertThat(cache.answer(HEAD, rejected, NOW, () -> SearchCache.Answer.of("{}", 0, 0, Instant.MAX)).json()).isEqualTo("{}");
    }

    @Test
    void anAnswerIsKeptPerHeadOfTheChangeLogAndDroppedWhenAListingItCouldShowExpires() {
        Map<String, List<String>> query = Map.of("q", List.of(DirectoryFixture.unique("expiring")));
        Instant expiry = NOW.plusSeconds(60);
        AtomicInteger searches = new AtomicInteger();
        java.util.function.Supplier<SearchCache.Answer> search = () -> SearchCache.Answer.of(
                "{\"n\":" + searches.incrementAndGet() + "}", 0, 0, expiry);

        assertThat(cache.answer(HEAD, query, NOW, search).json()).isEqualTo("{\"n\":1}");
        assertThat(cache.answer(HEAD, query, expiry.minusNanos(1000), search).json()).as("kept until the expiry").isEqualTo("{\"n\":1}");
        assertThat(cache.answer(HEAD + 1, query, NOW, search).json()).as("a newer head misses").isEqualTo("{\"n\":2}");
        assertThat(cache.answer(HEAD, query, expiry, search).json()).as("at the expiry, searched again").isEqualTo("{\"n\":3}");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void keysOfDifferentQueriesNeverCoincide() {
        assertThat(SearchCache.keyOf(Map.of("q", List.of("a&b")))).isNotEqualTo(SearchCache.keyOf(Map.of("q", List.of("a", "b"))));
        assertThat(SearchCache.keyOf(Map.of("q", List.of("1:a")))).isNotEqualTo(SearchCache.keyOf(Map.of("q", List.of("", "a"))));
        assertThat(SearchCache.keyOf(Map.of("q", List.of("x"), "tier", List.of("coding"))))
                .isEqualTo(SearchCache.keyOf(Map.of("tier", List.of("coding"), "q", List.of("x"))));
    }

    private static Response search(Map<String, ?> query) {
        Response response = given().queryParams(query).when().get("/api/listings");
        response.then().statusCode(200);
        return response;
    }

    private static String firstLink(Response response) {
        String links = String.join(", ", response.headers().getValues("Link"));
        Matcher first = Pattern.compile("<([^>]+)>; rel=\"first\"").matcher(links);
        assertThat(first.find()).as(links).isTrue();
        return first.group(1);
    }

    private static double searchCacheHits() {
        Matcher hits = Pattern.compile("cache_gets_total\\{cache=\"search\",result=\"hit\"} ([0-9.E]+)")
                .matcher(given().get("/q/metrics").asString());
        assertThat(hits.find()).as("the search cache's hit counter in /q/metrics").isTrue();
        return Double.parseDouble(hits.group(1));
    }
}
