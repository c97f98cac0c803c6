package dev.aitrainingdirectory.problem;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.http.HttpLimits;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/**
 * The HTTP layer's refusals are problem details like every other: a request line or header fields over
 * the limit, a body too large, a method a path does not take, a body in a media type it does not read.
 * Each limit is tried on both sides of its edge.
 */
@QuarkusTest
class HttpLayerProblemTest {

    @Inject
    DirectoryFixture fixture;

    private static final String PROBLEM = "application/problem+json";
    /** What a request line holds besides its target: {@code GET }, and {@code  HTTP/1.1}. */
    private static final int LINE_OVERHEAD = "GET ".length() + " HTTP/1.1".length();

    /** A request target of exactly {@code length} characters: an unknown parameter's long value. */
    private static String target(int length) {
        String start = "/api/listings?unknown=";
        return start + "a".repeat(length - start.length());
    }

    @Test
    void aRequestLineAtTheLimitIsReadAndOneByteMoreIsA414Problem() {
        int atLimit = HttpLimits.MAX_REQUEST_LINE - LINE_OVERHEAD;
        given().urlEncodingEnabled(false).get(target(atLimit)).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unknown"));
        given().urlEncodingEnabled(false).get(target(atLimit + 1)).then()
                .statusCode(414).contentType(PROBLEM).body("status", equalTo(414)).body("title", equalTo("URI Too Long"));
        given().urlEncodingEnabled(false).get(target(8 * 1024)).then().statusCode(not(equalTo(414)));
    }

    @Test
    void aDeleteThatAcceptsOnlyProblemDetailsDeletes() {
        String accept = "application/problem+json";
        long id = fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        String tag = given().get("/api/listings/" + id).then().statusCode(200).extract().header("ETag");

        asCurator().accept(accept).header("If-Match", "\"stale\"").delete("/api/listings/" + id).then()
                .statusCode(412).contentType(PROBLEM);
        asCurator().accept(accept).header("If-Match", tag).delete("/api/listings/" + id).then().statusCode(204);
        given().get("/api/listings/" + id).then().statusCode(404);
    }

    @Test
    void headerFieldsAtTheLimitAreReadAndMoreAreA431Problem() {
        given().header("X-Padding", "b".repeat(20_000)).get("/api/pay-tiers").then().statusCode(200);
        given().header("X-Padding", "b".repeat(HttpLimits.MAX_HEADERS)).get("/api/pay-tiers").then()
                .statusCode(431).contentType(PROBLEM).body("status", equalTo(431));
    }

    @Test
    void aBodyOverFiveMebibytesIsA413ProblemAnsweredBeforeItIsSent() throws IOException {
        String atLimit = send("POST /api/listings/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Api.CURATOR
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (5 * 1024 * 1024 + 1) + "\r\n\r\n{");
        assertThat(atLimit).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json").contains("\"status\":413");

        String within = "{\"listings\": []}";
        asCurator().contentType("application/json").body(within).post("/api/listings/import").then().statusCode(200);
    }

    /** Writes {@code request} on a connection of its own and reads one answer: its head, then as many bytes as it says. */
    private static String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            Matcher length = Pattern.compile("(?i)content-length: *([0-9]+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return head + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMethodAPathDoesNotTakeIsA405ProblemAndAnUnreadableMediaTypeA415() {
        asCurator().delete("/api/listings").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
        asCurator().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/plain").body("hello").post("/api/listings").then()
                .statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }
}
