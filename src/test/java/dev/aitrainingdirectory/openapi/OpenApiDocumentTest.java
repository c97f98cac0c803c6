package dev.aitrainingdirectory.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed OpenAPI document in {@code openapi/} is exactly what the code serves at
 * {@code /q/openapi}, so it can never drift. Run with {@code -Dopenapi.update=true} to rewrite it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @ParameterizedTest(name = "openapi/{0}")
    @CsvSource({"openapi.yaml, yaml", "openapi.json, json"})
    void theCommittedDocumentIsWhatTheCodeServes(String file, String format) throws IOException {
        String served = given().queryParam("format", format).when().get("/q/openapi")
                .then().statusCode(200).extract().body().asString();
        Path committed = Path.of("openapi", file);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("the committed %s; regenerate it with ./mvnw test -Dtest=OpenApiDocumentTest"
                + " -Dopenapi.update=true and commit it", committed).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("openapi/%s differs from what the code serves; regenerate it with"
                        + " ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true, read the diff and commit it", file)
                .isEqualTo(served);
    }
}
