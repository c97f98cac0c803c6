package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.listingIds;
import static dev.aitrainingdirectory.support.DirectoryFixture.countries;
import static dev.aitrainingdirectory.support.DirectoryFixture.credentials;
import static dev.aitrainingdirectory.support.DirectoryFixture.excluding;
import static dev.aitrainingdirectory.support.DirectoryFixture.languages;
import static dev.aitrainingdirectory.support.DirectoryFixture.rules;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.platform.TaskType;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingSearchTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void countryFilterKeepsWorldwideListingsAndRespectsListingAndPlatformRules() {
        String anywhere = fixture.platform(worldwide());
        String westOnly = fixture.platform(countries("US", "GB"));
        String notIndia = fixture.platform(excluding("IN"));
        long worldwideListing = fixture.listing(anywhere).create();
        long excludesIndia = fixture.listing(anywhere).eligibility(excluding("IN")).create();
        long indiaAndPhilippines = fixture.listing(anywhere).eligibility(countries("IN", "PH")).create();
        long philippinesOnly = fixture.listing(anywhere).eligibility(countries("PH")).create();
        long onWestOnlyPlatform = fixture.listing(westOnly).create();
        long indiaOnWestOnlyPlatform = fixture.listing(westOnly).eligibility(countries("IN")).create();
        long indiaOnPlatformExcludingIndia = fixture.listing(notIndia).eligibility(countries("IN")).create();
        String all = String.join(",", anywhere, westOnly, notIndia);

        assertThat(listingIds(Map.of("platform", all, "country", "IN")))
                .containsExactlyInAnyOrder(worldwideListing, indiaAndPhilippines);
        assertThat(listingIds(Map.of("platform", all, "country", "US")))
                .containsExactlyInAnyOrder(worldwideListing, excludesIndia, onWestOnlyPlatform);
        assertThat(listingIds(Map.of("platform", all, "country", "PH")))
                .containsExactlyInAnyOrder(worldwideListing, excludesIndia, indiaAndPhilippines, philippinesOnly);
        assertThat(listingIds(Map.of("platform", all)))
                .contains(indiaOnWestOnlyPlatform, indiaOnPlatformExcludingIndia);
    }

    @Test
    void platformAndListingCountryListsIntersect() {
        String westOnly = fixture.platform(countries("US", "GB"));
        long bothAllowUs = fixture.listing(westOnly).eligibility(countries("US", "IN")).create();
        long disjoint = fixture.listing(westOnly).eligibility(countries("IN")).create();
        long everywhereOnPlatform = fixture.listing(westOnly).create();

        assertThat(listingIds(Map.of("platform", westOnly, "country", "US"))).containsExactlyInAnyOrder(bothAllowUs, everywhereOnPlatform);
        assertThat(listingIds(Map.of("platform", westOnly, "country", "GB"))).containsExactly(everywhereOnPlatform);
        assertThat(listingIds(Map.of("platform", westOnly, "country", "IN"))).isEmpty();
        assertThat(listingIds(Map.of("platform", westOnly))).contains(disjoint);
    }

    @Test
    void speaksKeepsListingsWhoseRequiredLanguagesAreAllSpoken() {
        String platform = fixture.platform(worldwide());
        String englishPlatform = fixture.platform(languages("en"));
        long noLanguage = fixture.listing(platform).create();
        long spanish = fixture.listing(platform).eligibility(languages("es")).create();
        long englishAndSpanish = fixture.listing(platform).eligibility(languages("en", "es")).create();
        long spanishOnEnglishPlatform = fixture.listing(englishPlatform).eligibility(languages("es")).create();
        String both = platform + "," + englishPlatform;

        assertThat(listingIds(Map.of("platform", both, "speaks", "es"))).containsExactlyInAnyOrder(noLanguage, spanish);
        assertThat(listingIds(Map.of("platform", both, "speaks", "en")))
                .containsExactlyInAnyOrder(noLanguage);
        assertThat(listingIds(Map.of("platform", both, "speaks", "en,es")))
                .containsExactlyInAnyOrder(noLanguage, spanish, englishAndSpanish, spanishOnEnglishPlatform);
        assertThat(given().queryParam("platform", both).queryParam("speaks", "en").queryParam("speaks", "es")
                .get("/api/listings").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class))
                .containsExactlyInAnyOrder(noLanguage, spanish, englishAndSpanish, spanishOnEnglishPlatform);
    }

    @Test
    void holdsKeepsListingsWhoseRequiredCredentialsAreAllHeld() {
        String platform = fixture.platform(worldwide());
        long none = fixture.listing(platform).create();
        long law = fixture.listing(platform).eligibility(credentials("law-degree")).create();
        long lawAndBar = fixture.listing(platform).eligibility(credentials("law-degree", "bar-admission")).create();
        long medicine = fixture.listing(platform).eligibility(credentials("medical-license")).create();

        assertThat(listingIds(Map.of("platform", platform, "holds", "law-degree"))).containsExactlyInAnyOrder(none, law);
        assertThat(listingIds(Map.of("platform", platform, "holds", "law-degree,bar-admission")))
                .containsExactlyInAnyOrder(none, law, lawAndBar);
        assertThat(listingIds(Map.of("platform", platform))).containsExactlyInAnyOrder(none, law, lawAndBar, medicine);
    }

    @Test
    void languageKeepsListingsThatRequireOneOfTheLanguagesIncludingThroughTheirPlatform() {
        String platform = fixture.platform(worldwide());
        String japanesePlatform = fixture.platform(languages("ja"));
        fixture.listing(platform).create();
        long spanish = fixture.listing(platform).eligibility(languages("es")).create();
        long french = fixture.listing(platform).eligibility(languages("fr", "en")).create();
        long viaPlatform = fixture.listing(japanesePlatform).create();
        String both = platform + "," + japanesePlatform;

        assertThat(listingIds(Map.of("platform", both, "language", "es"))).containsExactly(spanish);
        assertThat(listingIds(Map.of("platform", both, "language", "es,fr"))).containsExactlyInAnyOrder(spanish, french);
        assertThat(listingIds(Map.of("platform", both, "language", "ja"))).containsExactly(viaPlatform);
    }

    @Test
    void payFiltersCompareHourlyUsdConvertedFromAnyCurrencyAndCanKeepUnknownPay() {
        String platform = fixture.platform(worldwide());
        long low = fixture.listing(platform).hourly(20, 30).create();
        long high = fixture.listing(platform).hourly(40, 50).create();
        long perTask = fixture.listing(platform).pay(5, 80, "USD", PayUnit.TASK).create();
        long unknown = fixture.listing(platform).create();
        // 60-90 EUR at the example rate of 1.08 USD: 64.80-97.20 USD an hour.
        long euros = fixture.listing(platform).pay(60, 90, "EUR", PayUnit.HOUR).create();

        assertThat(listingIds(Map.of("platform", platform, "minPay", "35"))).containsExactlyInAnyOrder(high, euros);
        assertThat(listingIds(Map.of("platform", platform, "minPay", "30"))).containsExactlyInAnyOrder(low, high, euros);
        assertThat(listingIds(Map.of("platform", platform, "minPay", "35", "includeUnknownPay", "true")))
                .containsExactlyInAnyOrder(high, perTask, unknown, euros);
        assertThat(listingIds(Map.of("platform", platform, "maxPay", "25"))).containsExactly(low);
        assertThat(listingIds(Map.of("platform", platform, "minPay", "25", "maxPay", "45"))).containsExactlyInAnyOrder(low, high);
        assertThat(listingIds(Map.of("platform", platform, "minPay", "97.20"))).containsExactly(euros);
        assertThat(listingIds(Map.of("platform", platform, "minPay", "97.21", "includeUnknownPay", "false"))).isEmpty();
        assertThat(listingIds(Map.of("platform", platform))).hasSize(5);
    }

    @Test
    void valuesOfOneFilterAreOredAndDifferentFiltersAnded() {
        String platform = fixture.platform(worldwide());
        long ratingCoding = fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).tier("coding").create();
        long writingCoding = fixture.listing(platform).taskType(TaskType.PROMPT_RESPONSE_WRITING).tier("coding").create();
        long ratingGeneral = fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).create();
        fixture.listing(platform).taskType(TaskType.RED_TEAMING).tier("coding").create();

        List<Long> commaList = listingIds(Map.of("platform", platform,
                "taskType", "RESPONSE_RATING,PROMPT_RESPONSE_WRITING", "tier", "coding"));
        List<Long> repeated = given().queryParam("platform", platform)
                .queryParam("taskType", "RESPONSE_RATING").queryParam("taskType", "PROMPT_RESPONSE_WRITING")
                .queryParam("tier", "coding").when().get("/api/listings")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);

        assertThat(commaList).containsExactlyInAnyOrder(ratingCoding, writingCoding);
        assertThat(repeated).containsExactlyInAnyOrderElementsOf(commaList);
        assertThat(listingIds(Map.of("platform", platform, "taskType", "RESPONSE_RATING", "tier", "coding,general-writing")))
                .containsExactlyInAnyOrder(ratingCoding, ratingGeneral);
    }

    @Test
    void textQueryNeedsEveryWordInTitleOrDescriptionWhateverTheCase() {
        String platform = fixture.platform(worldwide());
        long both = fixture.listing(platform).title("Rate PYTHON answers").description("Careful review of code.").create();
        long titleOnly = fixture.listing(platform).title("Python quiz").description("Short questions.").create();
        long literalPercent = fixture.listing(platform).title("Earn 100% bonus").description("Promotion.").create();
        fixture.listing(platform).title("Earn 1000 points").description("Promotion.").create();

        assertThat(listingIds(Map.of("platform", platform, "q", "python"))).containsExactlyInAnyOrder(both, titleOnly);
        assertThat(listingIds(Map.of("platform", platform, "q", "python REVIEW"))).containsExactly(both);
        assertThat(listingIds(Map.of("platform", platform, "q", "100%"))).containsExactly(literalPercent);
        assertThat(listingIds(Map.of("platform", platform, "q", "quiz missing"))).isEmpty();
    }

    @Test
    void statusDefaultsToOpenAndAnExpiredListingIsClosed() {
        String platform = fixture.platform(worldwide());
        long open = fixture.listing(platform).create();
        long paused = fixture.listing(platform).status(ListingStatus.PAUSED).create();
        long closed = fixture.listing(platform).status(ListingStatus.CLOSED).create();
        long expired = fixture.listing(platform).postedAt("2026-01-01T00:00:00Z")
                .expiresAt(Instant.now().minus(1, ChronoUnit.HOURS)).create();
        long expiresLater = fixture.listing(platform).expiresAt(Instant.now().plus(30, ChronoUnit.DAYS)).create();

        assertThat(listingIds(Map.of("platform", platform))).containsExactlyInAnyOrder(open, expiresLater);
        assertThat(listingIds(Map.of("platform", platform, "status", "CLOSED"))).containsExactlyInAnyOrder(closed, expired);
        assertThat(listingIds(Map.of("platform", platform, "status", "OPEN,PAUSED"))).containsExactlyInAnyOrder(open, paused, expiresLater);
        assertThat(listingIds(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).hasSize(5);
        given().when().get("/api/listings/" + expired).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void postedAfterAndUpdatedAfterKeepLaterListings() {
        String platform = fixture.platform(worldwide());
        fixture.listing(platform).postedAt("2026-11-01T00:00:00Z").create();
        long later = fixture.listing(platform).postedAt("2026-11-15T00:00:00Z").create();

        assertThat(listingIds(Map.of("platform", platform, "postedAfter", "2026-11-10T00:00:00Z"))).containsExactly(later);
        assertThat(listingIds(Map.of("platform", platform, "postedAfter", "2026-11-10T01:00:00+01:00"))).containsExactly(later);
        assertThat(listingIds(Map.of("platform", platform, "updatedAfter", Instant.now().plus(1, ChronoUnit.DAYS).toString()))).isEmpty();
        assertThat(listingIds(Map.of("platform", platform, "updatedAfter", "2026-01-01T00:00:00Z"))).hasSize(2);
    }

    @Test
    void aListingShowsItsOwnAndItsEffectiveEligibility() {
        String platform = fixture.platform(rules(List.of("IN", "PH", "US"), List.of("KP"), List.of("en"), List.of()));
        long id = fixture.listing(platform).eligibility(rules(List.of("PH", "IN", "GB"), List.of("US"), List.of("tl"),
                List.of("law-degree"))).create();

        given().when().get("/api/listings/" + id).then().statusCode(200)
                .body("platform.slug", equalTo(platform))
                .body("eligibility.countries", equalTo(List.of("GB", "IN", "PH")))
                .body("effectiveEligibility.countries", equalTo(List.of("IN", "PH")))
                .body("effectiveEligibility.excludedCountries", equalTo(List.of("KP", "US")))
                .body("effectiveEligibility.languages", equalTo(List.of("en", "tl")))
                .body("effectiveEligibility.credentials", equalTo(List.of("law-degree")));
    }

    @Test
    void theLongestTitleAndDescriptionInLettersWhoseLowerCaseIsLongerAreStoredAndFound() {
        // "İ" lower-cases to two characters under the full mapping: such a text once overflowed the
        // search column and answered 500.
        String platform = fixture.platform(worldwide());
        long id = fixture.listing(platform).title("İ".repeat(199) + "X").description("İ".repeat(8000)).create();

        assertThat(listingIds(Map.of("platform", platform, "q", "İ".repeat(199) + "x"))).containsExactly(id);
        assertThat(listingIds(Map.of("platform", platform, "q", "i".repeat(199) + "X"))).containsExactly(id);
    }
}
