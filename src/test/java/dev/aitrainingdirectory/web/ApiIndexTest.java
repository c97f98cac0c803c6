package dev.aitrainingdirectory.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiIndexTest {

    @Test
    void theIndexNamesPathsThatAnswer() {
        String listings = given().when().get("/api").then().statusCode(200).contentType("application/json")
                .body("name", equalTo("AI training work directory API"))
                .extract().path("links.listings");
        given().when().get(listings).then().statusCode(200);
        String countries = given().when().get("/api").then().extract().path("links.countries");
        given().when().get(countries).then().statusCode(200);
        String openapi = given().when().get("/api").then().extract().path("links.openapi");
        given().when().get(openapi).then().statusCode(200);
    }
}
