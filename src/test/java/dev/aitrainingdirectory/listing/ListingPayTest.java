package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pay as contractors earn it: per task with the minutes a task takes, in another currency, by country;
 * every figure in hourly USD, exact to the cent, and every pay filter, sort and band using it.
 */
@QuarkusTest
class ListingPayTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DirectoryFixture fixture;

    @Test
    void perTaskPayWithItsMinutesIsEstimatedPerHourAndWithoutThemIsUnknown() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        long estimated = fixture.listing(platform).pay(new ListingRequest.PayRequest(new BigDecimal("2"), new BigDecimal("3"),
                "USD", PayUnit.TASK, new BigDecimal("5"), null)).create();
        long unknown = fixture.listing(platform).pay(new ListingRequest.PayRequest(new BigDecimal("2"), new BigDecimal("3"),
                "USD", PayUnit.TASK)).create();

        JsonPath listing = read(estimated);
        assertThat(listing.<BigDecimal>get("pay.hourlyUsd.min")).isEqualByComparingTo("24.00");
        assertThat(listing.<BigDecimal>get("pay.hourlyUsd.max")).isEqualByComparingTo("36.00");
        assertThat(listing.getString("pay.hourlyUsd.basis")).isEqualTo("ESTIMATED");
        assertThat(listing.<BigDecimal>get("pay.minutesPerTask")).isEqualByComparingTo("5");
        assertThat(read(unknown).getMap("pay")).doesNotContainKey("hourlyUsd");

        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 30))).containsExactly(estimated);
        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 30, "includeUnknownPay", true)))
                .containsExactlyInAnyOrder(estimated, unknown);
        assertThat(Api.listingIds(Map.of("platform", platform, "payBasis", "PUBLISHED,CONVERTED"))).isEmpty();
        assertThat(Api.listingIds(Map.of("platform", platform, "payBasis", "ESTIMATED"))).containsExactly(estimated);
    }

    @Test
    void payInAnotherCurrencyIsConvertedExactlyAtTheRateItShows() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        BigDecimal eur = new BigDecimal(given().when().get("/api/exchange-rates/EUR").then().statusCode(200)
                .extract().jsonPath().using(Api.EXACT_NUMBERS).get("rate").toString());
        long id = fixture.listing(platform).pay(new ListingRequest.PayRequest(new BigDecimal("33.33"), new BigDecimal("41.07"),
                "EUR", PayUnit.HOUR)).create();

        JsonPath listing = read(id);
        BigDecimal expectedMin = new BigDecimal("33.33").multiply(eur).setScale(2, java.math.RoundingMode.HALF_EVEN);
        assertThat(listing.<BigDecimal>get("pay.hourlyUsd.min")).isEqualByComparingTo(expectedMin);
        assertThat(listing.getString("pay.hourlyUsd.basis")).isEqualTo("CONVERTED");
        assertThat(listing.<BigDecimal>get("pay.hourlyUsd.rate")).isEqualByComparingTo(eur);
        assertThat(listing.<BigDecimal>get("pay.min")).isEqualByComparingTo("33.33");
        assertThat(listing.getString("pay.currency")).isEqualTo("EUR");
        // The page of a search shows the same figures as the listing read alone.
        JsonPath page = Api.ok("/api/listings", Map.of("platform", platform)).extract().jsonPath().using(Api.EXACT_NUMBERS);
        assertThat(page.<BigDecimal>get("items[0].pay.hourlyUsd.min")).isEqualByComparingTo(expectedMin);
        assertThat(Api.listingIds(Map.of("platform", platform, "payBasis", "CONVERTED"))).containsExactly(id);
    }

    @Test
    void aSearchByCountryFiltersSortsAndCountsByThatCountrysRange() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        long byCountry = fixture.listing(platform).pay(new ListingRequest.PayRequest(new BigDecimal("20"), new BigDecimal("30"),
                "USD", PayUnit.HOUR, null, List.of(new ListingRequest.CountryPayRequest(List.of("IN", "PH"),
                        new BigDecimal("8"), new BigDecimal("10"))))).create();
        long flat = fixture.listing(platform).hourly(12, 14).create();

        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 15))).containsExactly(byCountry);
        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 15, "country", "US"))).containsExactly(byCountry);
        assertThat(Api.listingIds(Map.of("platform", platform, "minPay", 15, "country", "IN"))).isEmpty();
        assertThat(Api.listingIds(Map.of("platform", platform, "maxPay", 9, "country", "PH"))).containsExactly(byCountry);
        assertThat(Api.listingIds(Map.of("platform", platform, "sort", "-pay"))).containsExactly(byCountry, flat);
        assertThat(Api.listingIds(Map.of("platform", platform, "sort", "-pay", "country", "IN"))).containsExactly(flat, byCountry);

        JsonPath inIndia = Api.ok("/api/listings", Map.of("platform", platform, "country", "IN", "sort", "pay",
                "facets", "pay")).extract().jsonPath().using(Api.EXACT_NUMBERS);
        assertThat(inIndia.<BigDecimal>get("items[0].pay.hourlyUsd.max")).isEqualByComparingTo("10.00");
        assertThat(inIndia.getString("items[0].pay.hourlyUsd.country")).isEqualTo("IN");
        assertThat(inIndia.<BigDecimal>get("items[0].pay.max")).isEqualByComparingTo("30.00");
        assertThat(inIndia.getList("items[0].pay.byCountry[0].countries")).containsExactly("IN", "PH");
        assertThat(inIndia.<Number>get("facets.pay.find { it.value == '0-15' }.count").longValue()).isEqualTo(2);
        JsonPath elsewhere = Api.ok("/api/listings", Map.of("platform", platform, "country", "US", "facets", "pay"))
                .extract().jsonPath();
        assertThat(elsewhere.getInt("facets.pay.find { it.value == '25-40' }.count")).isEqualTo(1);
        assertThat(elsewhere.getMap("items.find { it.id == " + byCountry + " }.pay.hourlyUsd")).doesNotContainKey("country");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"min\": -1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\"}|pay.min",
            "{\"min\": \"ten\", \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\"}|pay.min",
            "{\"min\": 5, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\"}|pay.min",
            "{\"min\": 1, \"max\": 2, \"currency\": \"usd\", \"unit\": \"HOUR\"}|pay.currency",
            "{\"min\": 1, \"max\": 2, \"currency\": \"XYZ\", \"unit\": \"HOUR\"}|pay.currency",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"TASK\", \"minutesPerTask\": 0}|pay.minutesPerTask",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"TASK\", \"minutesPerTask\": -3}|pay.minutesPerTask",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"TASK\", \"minutesPerTask\": 1441}|pay.minutesPerTask",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\", \"minutesPerTask\": 5}|pay.minutesPerTask",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\", \"byCountry\": [{\"countries\": [\"XX\"], \"min\": 1, \"max\": 1}]}|pay.byCountry[0].countries[0]",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\", \"byCountry\": [{\"countries\": [\"IN\"], \"min\": 1, \"max\": 1}, {\"countries\": [\"IN\"], \"min\": 2, \"max\": 2}]}|pay.byCountry[1].countries[0]",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\", \"byCountry\": [{\"countries\": [\"IN\"], \"min\": 3, \"max\": 1}]}|pay.byCountry[0].min",
            "{\"min\": 1, \"max\": 2, \"currency\": \"USD\", \"unit\": \"HOUR\", \"byCountry\": [{\"countries\": [], \"min\": 1, \"max\": 1}]}|pay.byCountry[0].countries"})
    void badPayIs422NamingTheFieldAndStoresNothing(String payAndField) {
        String[] parts = payAndField.split("\\|");
        String platform = fixture.platform(DirectoryFixture.worldwide());
        Body body = Bodies.listing(platform, "bad-pay").with("pay", Bodies.raw(parts[0]));
        var answer = asCurator().contentType(ContentType.JSON).body(body).when().post("/api/listings").then();
        if (parts[0].contains("\"ten\"")) {
            answer.statusCode(400).contentType(PROBLEM);
        } else {
            answer.statusCode(422).contentType(PROBLEM).body("errors.field", hasItem(parts[1]));
        }
        assertThat(Api.total(Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED"))).isZero();
    }

    @Test
    void postedAtDefaultsToTheTimeOfCreationAndAReplaceWithoutItKeepsTheStoredOne() {
        String platform = fixture.platform(DirectoryFixture.worldwide());
        Body body = Bodies.listing(platform, DirectoryFixture.unique("ext")).without("postedAt");
        var created = asCurator().contentType(ContentType.JSON).body(body).when().post("/api/listings")
                .then().statusCode(201).extract();
        JsonPath listing = created.jsonPath();
        Instant posted = Instant.parse(listing.getString("postedAt"));
        assertThat(posted).isEqualTo(Instant.parse(listing.getString("createdAt")));
        assertThat(Duration.between(posted, Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));

        body.with("title", "Rate answers again");
        asCurator().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(body)
                .when().put("/api/listings/" + listing.getLong("id")).then().statusCode(200);
        assertThat(read(listing.getLong("id")).getString("postedAt")).isEqualTo(listing.getString("postedAt"));
    }

    private static JsonPath read(long id) {
        return given().when().get("/api/listings/" + id).then().statusCode(200).extract().jsonPath().using(Api.EXACT_NUMBERS);
    }
}
