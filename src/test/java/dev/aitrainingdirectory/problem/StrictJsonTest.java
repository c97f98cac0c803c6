package dev.aitrainingdirectory.problem;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A body value of the wrong JSON type is a 400 naming its field, never guessed at: no string, number or
 * empty string for a boolean, no number (or numeric string) for an enumeration, no number for a string,
 * no string for a number. Nothing is stored.
 */
@QuarkusTest
class StrictJsonTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "identityVerification | \"\"",
            "identityVerification | 0",
            "identityVerification | 1",
            "identityVerification | \"false\"",
            "identityVerification | \"true\"",
            "monitoringSoftware   | \"\"",
            "assessmentRequired   | \"false\"",
            "audience             | 0",
            "audience             | \"0\"",
            "audience             | \"\"",
            "audience             | true",
            "payoutSchedule       | 1",
            "name                 | 12",
            "name                 | true",
            "description          | 1.5",
            "minimumAge           | \"18\"",
            "minimumAge           | \"\"",
            "minimumAge           | true",
            "firstPayoutHoldDays  | 7.5",
    })
    void aValueOfTheWrongTypeIsABadRequestNamingItsField(String field, String value) {
        String slug = DirectoryFixture.unique("strict");
        Body body = Bodies.platform(slug).with(field, Bodies.raw(value));

        asCurator().contentType(ContentType.JSON).body(body).post("/api/platforms").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        given().get("/api/platforms/" + slug).then().statusCode(404);
    }
}
