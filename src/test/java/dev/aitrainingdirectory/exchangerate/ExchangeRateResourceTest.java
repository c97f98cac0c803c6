package dev.aitrainingdirectory.exchangerate;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.aitrainingdirectory.listing.ListingRequest;
import dev.aitrainingdirectory.listing.PayUnit;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Curators set and delete exchange rates; every listing paid in a currency shows, filters and sorts by
 * its pay converted at the current rate. Each test owns its currency: rates outlive a test.
 */
@QuarkusTest
class ExchangeRateResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DirectoryFixture fixture;

    @Test
    void theExampleRatesAreListedByCurrencyWithTheirDayAndSource() {
        JsonPath rates = given().when().get("/api/exchange-rates").then().statusCode(200).extract().jsonPath().using(Api.EXACT_NUMBERS);
        List<String> currencies = rates.getList("items.currency");
        assertThat(currencies).contains("EUR", "GBP", "INR", "BRL", "PHP").doesNotContain("USD").isSorted();
        assertThat(rates.getString("items.find { it.currency == 'EUR' }.asOf")).isEqualTo("2026-11-30");
        assertThat(rates.getString("items.find { it.currency == 'EUR' }.source")).startsWith("Example data");
        assertThat(rates.<BigDecimal>getList("items.rate")).allMatch(rate -> rate.signum() > 0);
    }

    @Test
    void aRateIsCreatedReadAndReplacedOnlyWithTheETagLastRead() {
        String location = asCurator().contentType(ContentType.JSON).body(rate("0.0112", "2026-11-29"))
                .when().put("/api/exchange-rates/JPY")
                .then().statusCode(201).header("ETag", notNullValue()).body("currency", equalTo("JPY"))
                .extract().header("Location");
        assertThat(location).endsWith("/api/exchange-rates/JPY");
        String tag = given().when().get("/api/exchange-rates/JPY").then().statusCode(200)
                .body("rate", equalTo(0.0112f)).body("asOf", equalTo("2026-11-29")).extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/api/exchange-rates/JPY").then().statusCode(304);

        asCurator().contentType(ContentType.JSON).body(rate("0.0115", "2026-11-30"))
                .when().put("/api/exchange-rates/JPY").then().statusCode(428).contentType(PROBLEM);
        asCurator().contentType(ContentType.JSON).header("If-Match", "\"999-0\"").body(rate("0.0115", "2026-11-30"))
                .when().put("/api/exchange-rates/JPY").then().statusCode(412).contentType(PROBLEM);
        String replaced = asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(rate("0.0115", "2026-11-30"))
                .when().put("/api/exchange-rates/JPY").then().statusCode(200).body("asOf", equalTo("2026-11-30"))
                .extract().header("ETag");
        assertThat(replaced).isNotEqualTo(tag);
        given().when().get("/api/exchange-rates").then().statusCode(200).body("items.currency", hasItem("JPY"));
    }

    @Test
    void aPartnerOrAnAnonymousClientCannotSetARate() {
        given().contentType(ContentType.JSON).body(rate("0.09", "2026-11-30")).when().put("/api/exchange-rates/SEK")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", Api.PARTNER).contentType(ContentType.JSON).body(rate("0.09", "2026-11-30"))
                .when().put("/api/exchange-rates/SEK").then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/exchange-rates/SEK").then().statusCode(404).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"rate\": 0, \"asOf\": \"2026-11-30\", \"source\": \"s\"}|rate",
            "{\"rate\": -1.5, \"asOf\": \"2026-11-30\", \"source\": \"s\"}|rate",
            "{\"rate\": 0.00000000001, \"asOf\": \"2026-11-30\", \"source\": \"s\"}|rate",
            "{\"asOf\": \"2026-11-30\", \"source\": \"s\"}|rate",
            "{\"rate\": 0.1, \"source\": \"s\"}|asOf",
            "{\"rate\": 0.1, \"asOf\": \"2026-11-30\", \"source\": \" \"}|source",
            "{\"rate\": 0.1, \"asOf\": \"2026-11-30\", \"source\": \"s\", \"currency\": \"NOK\"}|currency"})
    void anInvalidRateIs422NamingTheFieldAndStoresNothing(String bodyAndField) {
        String[] parts = bodyAndField.split("\\|");
        asCurator().contentType(ContentType.JSON).body(parts[0]).when().put("/api/exchange-rates/DKK")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem(parts[1]));
        given().when().get("/api/exchange-rates/DKK").then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "chf", "XYZ", "EURO"})
    void aCurrencyThatCannotHaveARateIs422(String currency) {
        asCurator().contentType(ContentType.JSON).body(rate("1.1", "2026-11-30")).when().put("/api/exchange-rates/" + currency)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("currency"));
    }

    @Test
    void aListingInACurrencyWithoutARateIs422NamingTheCurrency() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        Map<String, Object> listing = Map.of("platform", platform, "externalId", DirectoryFixture.unique("ext"),
                "title", "Rate answers", "description", "Paid in zloty.", "taskType", "RESPONSE_RATING",
                "payTier", "general-writing", "status", "OPEN", "applyUrl", "https://platform.example/apply",
                "pay", Map.of("min", 50, "max", 60, "currency", "PLN", "unit", "HOUR"));
        asCurator().contentType(ContentType.JSON).body(listing).when().post("/api/listings")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("pay.currency"));
        assertThat(Api.total(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).isZero();
    }

    @Test
    void aNewRateReachesEveryListingInItsCurrencyItsSearchesAndTheChangesFeed() {
        asCurator().contentType(ContentType.JSON).body(rate("0.05", "2026-11-28")).when().put("/api/exchange-rates/MXN")
                .then().statusCode(201);
        String platform = fixture.platform(DirectoryFixture.worldwide());
        long id = fixture.listing(platform).pay(new ListingRequest.PayRequest(new BigDecimal("100"), new BigDecimal("200"), "MXN",
                PayUnit.HOUR)).create();
        JsonPath before = given().when().get("/api/listings/" + id).then().statusCode(200).extract().jsonPath().using(Api.EXACT_NUMBERS);
        assertThat(before.<BigDecimal>get("pay.hourlyUsd.min")).isEqualByComparingTo("5.00");
        assertThat(before.<BigDecimal>get("pay.hourlyUsd.max")).isEqualByComparingTo("10.00");
        assertThat(before.getString("pay.hourlyUsd.basis")).isEqualTo("CONVERTED");
        assertThat(before.<BigDecimal>get("pay.hourlyUsd.rate")).isEqualByComparingTo("0.05");
        assertThat(before.getString("pay.hourlyUsd.rateAsOf")).isEqualTo("2026-11-28");
        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 15))).isEmpty();
        String cursor = given().queryParam("limit", 1000).when().get("/api/listings/changes").then().statusCode(200)
                .extract().jsonPath().getString("nextCursor");
        String tag = given().when().get("/api/exchange-rates/MXN").then().extract().header("ETag");

        asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(rate("0.1", "2026-11-30"))
                .when().put("/api/exchange-rates/MXN").then().statusCode(200);

        JsonPath after = given().when().get("/api/listings/" + id).then().statusCode(200).extract().jsonPath().using(Api.EXACT_NUMBERS);
        assertThat(after.<BigDecimal>get("pay.hourlyUsd.max")).isEqualByComparingTo("20.00");
        assertThat(after.getString("pay.hourlyUsd.rateAsOf")).isEqualTo("2026-11-30");
        assertThat(after.getLong("version")).isGreaterThan(before.getLong("version"));
        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 15))).containsExactly(id);
        List<Long> changed = given().queryParam("cursor", cursor).queryParam("limit", 1000).when().get("/api/listings/changes")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertThat(changed).contains(id);
    }

    @Test
    void aRateInUseCannotBeDeletedAndAnUnusedOneCan() {
        asCurator().contentType(ContentType.JSON).body(rate("0.054", "2026-11-30")).when().put("/api/exchange-rates/ZAR")
                .then().statusCode(201);
        String platform = fixture.platform(DirectoryFixture.worldwide());
        long id = fixture.listing(platform).pay(new ListingRequest.PayRequest(new BigDecimal("300"), new BigDecimal("400"), "ZAR",
                PayUnit.HOUR)).create();
        String tag = given().when().get("/api/exchange-rates/ZAR").then().extract().header("ETag");
        asCurator().header("If-Match", tag).when().delete("/api/exchange-rates/ZAR")
                .then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/exchange-rates/ZAR").then().statusCode(200);

        String listingTag = given().when().get("/api/listings/" + id).then().extract().header("ETag");
        asCurator().header("If-Match", listingTag).when().delete("/api/listings/" + id).then().statusCode(204);
        asCurator().when().delete("/api/exchange-rates/ZAR").then().statusCode(428);
        asCurator().header("If-Match", tag).when().delete("/api/exchange-rates/ZAR").then().statusCode(204);
        given().when().get("/api/exchange-rates/ZAR").then().statusCode(404).contentType(PROBLEM);
    }

    private static Map<String, Object> rate(String rate, String asOf) {
        return Map.of("rate", new BigDecimal(rate), "asOf", asOf, "source", "A test's rate");
    }
}
