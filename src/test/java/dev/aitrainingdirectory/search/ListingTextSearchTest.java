package dev.aitrainingdirectory.search;

import static dev.aitrainingdirectory.support.Api.listingIds;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.platform.Audience;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text search as a contractor types it: words, not substrings or syntax; relevance; suggestions while typing. */
@QuarkusTest
class ListingTextSearchTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void wordsMatchWhateverTheirCaseAccentsOrEnglishForm() {
        String platform = fixture.platform(worldwide());
        long rating = fixture.listing(platform).title("Rating chatbot answers").create();
        long resume = fixture.listing(platform).title("Résumé review for engineers").create();
        fixture.listing(platform).title("Separate task").description("Nothing alike.").create();

        assertThat(listingIds(Map.of("platform", platform, "q", "rated"))).containsExactly(rating);
        assertThat(listingIds(Map.of("platform", platform, "q", "RATE Chatbots"))).containsExactly(rating);
        assertThat(listingIds(Map.of("platform", platform, "q", "resume"))).containsExactly(resume);
        assertThat(listingIds(Map.of("platform", platform, "q", "RÉSUMÉS engineer"))).containsExactly(resume);
        assertThat(listingIds(Map.of("platform", platform, "q", "rat"))).as("a word, not a substring").isEmpty();
    }

    @Test
    void withWordsTheBestMatchComesFirstAndWithoutThemTheNewest() {
        String platform = fixture.platform(worldwide());
        long inDescription = fixture.listing(platform).title("Compare two answers").description("About Kotlin coroutines.")
                .postedAt("2026-11-25T10:00:00Z").create();
        long inTitle = fixture.listing(platform).title("Kotlin code review").postedAt("2026-11-01T10:00:00Z").create();
        long twice = fixture.listing(platform).title("Kotlin and Kotlin again").description("Kotlin everywhere.")
                .postedAt("2026-10-01T10:00:00Z").create();

        assertThat(listingIds(Map.of("platform", platform, "q", "kotlin"))).as("relevance by default with q")
                .containsExactly(twice, inTitle, inDescription);
        assertThat(listingIds(Map.of("platform", platform, "q", "kotlin", "sort", "-postedAt")))
                .containsExactly(inDescription, inTitle, twice);
        assertThat(listingIds(Map.of("platform", platform))).as("newest first without q")
                .containsExactly(inDescription, inTitle, twice);
        assertThat(listingIds(Map.of("platform", platform, "sort", "relevance"))).as("without q every score ties: by id")
                .containsExactly(inDescription, inTitle, twice);
        assertThat(listingIds(Map.of("platform", platform, "q", "?!"))).as("no word: as without q")
                .containsExactly(inDescription, inTitle, twice);
    }

    @Test
    void suggestionsCompletePlatformsWordsAndTitlesOfOpenListingsOnly() {
        String slug = DirectoryFixture.unique("zephyrlabs");
        fixture.platform(slug, "Zephyrlabs", Audience.GENERALIST, worldwide());
        fixture.listing(slug).title("Zephyrine poetry critique").create();
        fixture.listing(slug).title("Quixotica closed task").status(ListingStatus.CLOSED).create();

        JsonPath zephyr = suggest(Map.of("q", "ZEPH")).extract().jsonPath();
        assertThat(zephyr.getList("items.kind")).containsExactly("PLATFORM", "WORD", "TITLE");
        assertThat(zephyr.getString("items[0].text")).isEqualTo("Zephyrlabs");
        assertThat(zephyr.getString("items[0].platform")).isEqualTo(slug);
        assertThat(zephyr.getList("items.text", String.class)).contains("zephyrine", "Zephyrine poetry critique");
        suggest(Map.of("q", "zephyrine poe")).body("items.text", hasItem("zephyrine poetry"));
        suggest(Map.of("q", "zeph", "limit", "1")).body("items.size()", equalTo(1));
        suggest(Map.of("q", "quixotic")).body("items", equalTo(List.of()));
        suggest(Map.of("q", "%%% ***")).body("items", equalTo(List.of()));
    }

    @Test
    void aSuggestionNeedsTextAndTakesNoUnknownParameter() {
        given().when().get("/api/listings/suggest").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        given().queryParam("q", "x".repeat(201)).when().get("/api/listings/suggest").then().statusCode(400);
        given().queryParam("q", "cod").queryParam("limit", "11").when().get("/api/listings/suggest").then().statusCode(400);
        given().queryParam("q", "cod").queryParam("sort", "title").when().get("/api/listings/suggest").then().statusCode(400);
    }

    @Test
    void payBandsCountTheMostAListingPaysAnHourWithoutThePayFilter() {
        String platform = fixture.platform(worldwide());
        fixture.listing(platform).hourly(10, 14.99).create();
        fixture.listing(platform).hourly(15, 25).create();
        fixture.listing(platform).hourly(30, 150).create();
        fixture.listing(platform).create();

        JsonPath answer = given().queryParam("platform", platform).queryParam("minPay", 100).queryParam("facets", "pay")
                .when().get("/api/listings").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getLong("totalItems")).isEqualTo(1);
        assertThat(answer.getList("facets.pay.value")).containsExactly("0-15", "15-25", "25-40", "40-60", "60-100", "100+");
        assertThat(answer.getList("facets.pay.count", Long.class)).containsExactly(1L, 0L, 1L, 0L, 0L, 1L);
    }

    private static io.restassured.response.ValidatableResponse suggest(Map<String, ?> query) {
        return given().queryParams(query).when().get("/api/listings/suggest").then().statusCode(200);
    }
}
