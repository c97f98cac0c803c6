package dev.aitrainingdirectory.exchangerate;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.aitrainingdirectory.listing.ListingRequest;
import dev.aitrainingdirectory.listing.PayUnit;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies;
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
 * What is an exchange rate's own: which currencies may have one, and every listing paid in a currency
 * shows, filters and sorts by its pay converted at the current rate. The rules every curated write keeps
 * are proved in CuratedWriteContractTest. Each test owns its currency: rates outlive a test.
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

    @ParameterizedTest
    @ValueSource(strings = {"USD", "chf", "XYZ", "EURO"})
    void aCurrencyThatCannotHaveARateIs422(String currency) {
        asCurator().contentType(ContentType.JSON).body(Bodies.exchangeRate("1.1")).when().put("/api/exchange-rates/" + currency)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("currency"));
    }

    @Test
    void anIfMatchOnACurrencyWithoutARateIs412AndCreatesNothing() {
        asCurator().contentType(ContentType.JSON).header("If-Match", "\"0-0\"").body(Bodies.exchangeRate("0.000085"))
                .when().put("/api/exchange-rates/UZS")
                .then().statusCode(412).contentType(PROBLEM).body("detail", containsString("UZS"));
        given().when().get("/api/exchange-rates/UZS").then().statusCode(404);
    }

    @Test
    void aListingInACurrencyWithoutARateIs422NamingTheCurrency() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        asCurator().contentType(ContentType.JSON)
                .body(Bodies.listing(platform, DirectoryFixture.unique("ext")).with("pay.min", 50).with("pay.max", 60)
                        .with("pay.currency", "PLN"))
                .when().post("/api/listings")
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", hasItem("pay.currency"));
        assertThat(Api.total(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).isZero();
    }

    @Test
    void aNewRateReachesEveryListingInItsCurrencyItsSearchesAndTheChangesFeed() {
        asCurator().contentType(ContentType.JSON).body(Bodies.exchangeRate("0.05").with("asOf", "2026-11-28"))
                .when().put("/api/exchange-rates/MXN").then().statusCode(201);
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
        String cursor = Api.latestChangeCursor();
        String tag = given().when().get("/api/exchange-rates/MXN").then().extract().header("ETag");

        asCurator().contentType(ContentType.JSON).header("If-Match", tag).body(Bodies.exchangeRate("0.1"))
                .when().put("/api/exchange-rates/MXN").then().statusCode(200);

        JsonPath after = given().when().get("/api/listings/" + id).then().statusCode(200).extract().jsonPath().using(Api.EXACT_NUMBERS);
        assertThat(after.<BigDecimal>get("pay.hourlyUsd.max")).isEqualByComparingTo("20.00");
        assertThat(after.getString("pay.hourlyUsd.rateAsOf")).isEqualTo("2026-11-30");
        assertThat(after.getLong("version")).isGreaterThan(before.getLong("version"));
        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 15))).containsExactly(id);
        assertThat(Api.changedAfter(cursor)).contains(id);
    }
}
