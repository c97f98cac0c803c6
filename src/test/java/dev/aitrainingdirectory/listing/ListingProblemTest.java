package dev.aitrainingdirectory.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingProblemTest {

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "contry        | IN                   | contry",
            "country       | in                   | country",
            "country       | XX                   | country",
            "country       | IND                  | country",
            "speaks        | english              | speaks",
            "speaks        | zz                   | speaks",
            "language      | EN                   | language",
            "holds         | Law Degree           | holds",
            "taskType      | RATING               | taskType",
            "status        | open                 | status",
            "tier          | no-such-tier         | tier",
            "platform      | no-such-platform     | platform",
            "size          | 101                  | size",
            "size          | 0                    | size",
            "page          | -1                   | page",
            "page          | first                | page",
            "minPay        | lots                 | minPay",
            "minPay        | -5                   | minPay",
            "includeUnknownPay | yes              | includeUnknownPay",
            "postedAfter   | yesterday            | postedAfter",
            "updatedAfter  | 2026-11-27           | updatedAfter",
            "sort          | price                | sort",
            "facets        | tier,colour          | facets",
    })
    void badParametersAnswerProblemDetailsNamingTheParameter(String name, String value, String field) {
        given().queryParam(name, value)
                .when().get("/api/listings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("type", equalTo("about:blank"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        given().queryParams(Map.of("country", "XX", "size", "500", "taskType", "NOPE"))
                .when().get("/api/listings")
                .then().statusCode(400)
                .body("errors", hasSize(3))
                .body("detail", containsString("3 invalid inputs"));
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRejected() {
        given().queryParam("country", "IN").queryParam("country", "PH")
                .when().get("/api/listings")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("country"))
                .body("errors[0].message", containsString("one value"));
    }

    @Test
    void minPayAboveMaxPayIsRejected() {
        given().queryParam("minPay", "50").queryParam("maxPay", "20")
                .when().get("/api/listings")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("minPay"));
    }

    @Test
    void unknownAndMalformedIdsAnswer404ProblemDetails() {
        for (String id : new String[] {"999999999", "abc", "-1", "1e3"}) {
            given().when().get("/api/listings/" + id)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("detail", containsString(id));
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemDetails() {
        given().when().get("/api/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/listings").then().statusCode(405).contentType("application/problem+json");
        given().accept("application/xml").when().get("/api/listings").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void singleResourcesRejectUnknownParametersToo() {
        given().queryParam("expand", "platform").when().get("/api/pay-tiers")
                .then().statusCode(400).body("errors[0].field", equalTo("expand"));
    }
}
