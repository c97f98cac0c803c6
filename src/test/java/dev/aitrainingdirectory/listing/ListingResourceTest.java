package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingResourceTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void aListingIsServedWithAnETagAndAnswers304WhileUnchanged() {
        long id = fixture.listing(fixture.platform(worldwide())).hourly(30, 45).create();
        String tag = given().when().get("/api/listings/" + id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("pay.unit", equalTo("HOUR"))
                .body("version", equalTo(0))
                .extract().header("ETag");

        given().header("If-None-Match", tag).when().get("/api/listings/" + id)
                .then().statusCode(304).header("ETag", equalTo(tag));
        given().header("If-None-Match", "\"something-else\"").when().get("/api/listings/" + id)
                .then().statusCode(200);
    }

    @Test
    void aListingWithoutKnownPayHasNoPayField() {
        long id = fixture.listing(fixture.platform(worldwide())).create();
        given().when().get("/api/listings/" + id).then().statusCode(200)
                .body("$", not(hasKey("pay")))
                .body("expiresAt", nullValue());
    }

    @Test
    void collectionsCarryPagingTotalsAndLinks() {
        String platform = fixture.platform(worldwide());
        for (int index = 0; index < 5; index++) {
            fixture.listing(platform).create();
        }
        Response middle = given().queryParam("platform", platform).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/listings");
        middle.then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("$", not(hasKey("facets")));
        List<String> links = middle.headers().getValues("Link");
        org.assertj.core.api.Assertions.assertThat(String.join(", ", links))
                .contains("page=0>; rel=\"first\"", "page=0>; rel=\"prev\"", "page=2>; rel=\"next\"", "page=2>; rel=\"last\"")
                .contains("platform=" + platform).contains("size=2");

        given().queryParam("platform", platform).queryParam("size", 2).queryParam("page", 2)
                .when().get("/api/listings")
                .then().statusCode(200)
                .header("Link", allOf(not(containsString("rel=\"next\""))))
                .body("items.size()", equalTo(1));
        given().queryParam("platform", platform).queryParam("page", 7)
                .when().get("/api/listings")
                .then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("totalItems", equalTo(5));
    }

    @Test
    void theDefaultPageHasTwentyItems() {
        String platform = fixture.platform(worldwide());
        for (int index = 0; index < 21; index++) {
            fixture.listing(platform).create();
        }
        given().queryParam("platform", platform).when().get("/api/listings").then().statusCode(200)
                .body("size", equalTo(20)).body("items.size()", equalTo(20)).body("totalPages", equalTo(2));
        given().queryParam("platform", platform).queryParam("size", 100).when().get("/api/listings").then().statusCode(200)
                .body("items.size()", equalTo(21));
    }
}
