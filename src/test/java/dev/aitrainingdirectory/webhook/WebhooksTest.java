package dev.aitrainingdirectory.webhook;

import static dev.aitrainingdirectory.support.Bodies.object;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a partner uses them, with a real receiver on loopback: subscriptions owned by their partner, bad input
 * refused with every field named, and deliveries of the listing events that match, signed, retried, and given up on.
 * The tests run the dispatcher themselves, at the times they choose.
 */
@QuarkusTest
class WebhooksTest {

    private static final List<String> ALL_EVENTS = List.of("listing.created", "listing.updated", "listing.closed", "listing.deleted");

    @Inject
    DirectoryFixture fixture;
    @Inject
    WebhookDispatcher dispatcher;

    private Receiver receiver;
    private String partnerKey;

    @BeforeEach
    void givenAPartnerAndAReceiver() throws IOException {
        receiver = new Receiver();
        partnerKey = newPartnerKey();
        dispatchEverything(TimestampedEntity.now());
    }

    @AfterEach
    void stopTheReceiver() {
        // Other tests' deliveries must not go to a port that a later receiver may take.
        for (Object id : partner().get("/api/webhooks?size=100").then().statusCode(200).extract().jsonPath().getList("items.id")) {
            String tag = partner().get("/api/webhooks/" + id).then().extract().header("ETag");
            partner().header("If-Match", tag).delete("/api/webhooks/" + id).then().statusCode(204);
        }
        receiver.close();
    }

    @Test
    void aWebhookBelongsToItsPartnerAndShowsItsSecretOnlyOnCreation() {
        JsonPath created = create(webhook(ALL_EVENTS)).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("secret")).startsWith("whsec_");
        partner().get("/api/webhooks/" + id).then().statusCode(200).body("secret", nullValue())
                .body("enabled", equalTo(true)).body("events", equalTo(ALL_EVENTS)).body("filters.country", equalTo(List.of("IN")));
        assertThat(partner().get("/api/webhooks").then().statusCode(200).extract().asString()).doesNotContain(created.getString("secret"));

        String other = newPartnerKey();
        given().header("Authorization", other).get("/api/webhooks/" + id).then().statusCode(404);
        given().header("Authorization", other).get("/api/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
        Api.asCurator().get("/api/webhooks/" + id).then().statusCode(403);
        Api.asCurator().contentType("application/json").body(webhook(ALL_EVENTS)).post("/api/webhooks").then().statusCode(403);
        given().header("Authorization", Api.PARTNER).get("/api/webhooks").then().statusCode(403)
                .body("detail", containsString("no partner account"));
    }

    @Test
    void badSubscriptionsAreRefusedNamingEveryFieldAndNothingIsStored() {
        Body bad = object().with("url", "http://hooks.example.org/directory").with("events", List.of("listing.created", "listing.moved"))
                .with("filters", Map.of("country", "XX", "speaks", List.of("en"), "colour", "blue"));
        create(bad, 422).body("errors.field", hasItems("url", "events[1]", "filters.colour"));
        create(object().with("url", "https://hooks.example.org/x").with("events", List.of("listing.created"))
                .with("filters", Map.of("country", "XX", "status", "OPEN")), 422)
                .body("errors.field", hasItems("filters.country", "filters.status"));
        for (String url : List.of("https://user:secret@hooks.example.org/x", "https://10.0.0.7/x", "https://169.254.169.254/latest",
                "ftp://hooks.example.org/x", "https://[::1]/x", "https://hooks.example.org:99999/x", "https://hooks.example.org:0/x")) {
            create(object().with("url", url).with("events", List.of("listing.created")), 422).body("errors.field", hasItems("url"));
        }
        create(object().with("url", "https://hooks.example.org/x").with("events", List.of()), 422).body("errors.field", hasItems("events"));
        create(object().with("url", "https://hooks.example.org/x").with("events", List.of("listing.created"))
                .with("filters", Map.of("tier", List.of())), 422).body("errors.field", hasItems("filters.tier"));
        partner().get("/api/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    /** Filters are kept as the search reads them, so that what a partner reads back is what is matched. */
    @Test
    void filtersAreKeptAsTheSearchReadsThemAndABlankDescriptionIsNone() {
        Body body = object().with("url", receiver.url()).with("events", List.of("listing.created")).with("description", "   ")
                .with("filters", Map.of("country", "IN", "speaks", List.of("en,hi", " en ", "hi"), "holds", String.join(",",
                        java.util.Collections.nCopies(2000, "law-degree"))));
        long id = create(body).extract().jsonPath().getLong("id");
        partner().get("/api/webhooks/" + id).then().statusCode(200).body("description", nullValue())
                .body("filters.country", equalTo(List.of("IN"))).body("filters.speaks", equalTo(List.of("en", "hi")))
                .body("filters.holds", equalTo(List.of("law-degree")));
    }

    @Test
    void aPartnerHoldsAtMostTenWebhooks() {
        for (int index = 0; index < 10; index++) {
            create(webhook(List.of("listing.created")));
        }
        create(webhook(List.of("listing.created")), 422).body("errors[0].message", containsString("one webhook more than a partner may hold (10)"));
        partner().get("/api/webhooks").then().body("totalItems", equalTo(10));
    }

    @Test
    void matchingChangesAreDeliveredSignedInOrderAndOthersAreNot() throws Exception {
        JsonPath created = create(webhook(ALL_EVENTS)).extract().jsonPath();
        String secret = created.getString("secret");
        String platform = fixture.platform(DirectoryFixture.worldwide());
        long inIndia = fixture.listing(platform).create();
        long elsewhere = fixture.listing(platform).eligibility(DirectoryFixture.countries("US")).create();
        dispatchEverything(TimestampedEntity.now());
        String tag = Api.asCurator().get("/api/listings/" + inIndia).then().extract().header("ETag");
        tag = Api.asCurator().header("If-Match", tag).contentType("application/merge-patch+json").body("{\"title\": \"Rate answers\"}")
                .patch("/api/listings/" + inIndia).then().statusCode(200).extract().header("ETag");
        dispatchEverything(TimestampedEntity.now());
        tag = Api.asCurator().header("If-Match", tag).contentType("application/merge-patch+json").body("{\"status\": \"CLOSED\"}")
                .patch("/api/listings/" + inIndia).then().statusCode(200).extract().header("ETag");
        dispatchEverything(TimestampedEntity.now());
        Api.asCurator().header("If-Match", tag).delete("/api/listings/" + inIndia).then().statusCode(204);
        dispatchEverything(TimestampedEntity.now());

        List<Receiver.Received> received = receiver.received();
        assertThat(received).extracting(message -> JsonPath.from(message.body()).getString("type"))
                .containsExactly("listing.created", "listing.updated", "listing.closed", "listing.deleted");
        long lastSequence = 0;
        for (Receiver.Received message : received) {
            assertThat(verifies(message, secret)).as("signature of %s", message.body()).isTrue();
            assertThat(message.header("content-type")).startsWith("application/json");
            JsonPath body = JsonPath.from(message.body());
            assertThat(body.getLong("data.id")).isEqualTo(inIndia);
            assertThat(body.getLong("sequence")).isGreaterThan(lastSequence);
            lastSequence = body.getLong("sequence");
        }
        assertThat(JsonPath.from(received.get(1).body()).getString("data.listing.title")).isEqualTo("Rate answers");
        assertThat(JsonPath.from(received.get(2).body()).getString("data.listing.status")).isEqualTo("CLOSED");
        assertThat(JsonPath.from(received.get(3).body()).getBoolean("data.deleted")).isTrue();
        assertThat(JsonPath.from(received.get(3).body()).getString("data.listing")).isNull();
        assertThat(received).noneMatch(message -> message.body().contains("\"id\":" + elsewhere + ","));
        assertThat(received.stream().map(message -> message.header("webhook-id")).distinct()).hasSize(4);

        partner().get("/api/webhooks/" + created.getLong("id") + "/deliveries").then().statusCode(200)
                .body("totalItems", equalTo(4)).body("items[0].eventType", equalTo("listing.deleted"))
                .body("items.status", equalTo(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED")))
                .body("items[0].statusCode", equalTo(204)).body("items[0].id", matchesPattern("msg_[0-9a-f]{32}"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("directory_webhook_deliveries_total{outcome=\"delivered\"}")
                .contains("directory_webhook_delivery_lag_seconds_count").contains("directory_webhook_delivery_lag_seconds{quantile=\"0.99\"");
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffUnderTheSameIdAndKeepsABoundedExcerpt() {
        long id = create(webhook(List.of("listing.created"))).extract().jsonPath().getLong("id");
        receiver.answer(503);
        fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        Instant now = TimestampedEntity.now();
        dispatchEverything(now);

        JsonPath first = deliveries(id);
        assertThat(first.getString("items[0].status")).isEqualTo("PENDING");
        assertThat(first.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(first.getInt("items[0].statusCode")).isEqualTo(503);
        assertThat(first.getString("items[0].responseExcerpt")).startsWith("received").hasSize(1000);
        Instant next = Instant.parse(first.getString("items[0].nextAttemptAt"));
        assertThat(next).isBetween(now.plusSeconds(4), now.plusSeconds(6));

        dispatchEverything(next.minusSeconds(1));
        assertThat(receiver.received()).hasSize(1);
        receiver.answer(200);
        dispatchEverything(next);
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("webhook-id")).isEqualTo(receiver.received().get(0).header("webhook-id"));
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        JsonPath after = deliveries(id);
        assertThat(after.getString("items[0].status")).isEqualTo("DELIVERED");
        assertThat(after.getInt("items[0].attempts")).isEqualTo(2);
        assertThat(after.getString("items[0].nextAttemptAt")).isNull();
        partner().get("/api/webhooks/" + id).then().body("consecutiveFailures", equalTo(0));
    }

    @Test
    void aWebhookThatKeepsFailingForADayIsDisabledWithItsReasonAndItsPartnerEnablesItAgain() {
        long id = create(webhook(List.of("listing.created"))).extract().jsonPath().getLong("id");
        receiver.answer(500);
        fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        Instant now = TimestampedEntity.now();
        dispatchEverything(now);
        for (int round = 0; round < 40 && partner().get("/api/webhooks/" + id).then().extract().jsonPath().getBoolean("enabled"); round++) {
            String next = deliveries(id).getString("items[0].nextAttemptAt");
            if (next == null) {
                break;
            }
            dispatchEverything(Instant.parse(next));
        }
        JsonPath webhook = partner().get("/api/webhooks/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(webhook.getBoolean("enabled")).isFalse();
        assertThat(webhook.getString("disabledReason")).contains("HTTP 500").contains("in a row");
        assertThat(webhook.getInt("consecutiveFailures")).isGreaterThanOrEqualTo(10);
        assertThat(Instant.parse(webhook.getString("disabledAt"))).isAfterOrEqualTo(now.plusSeconds(24 * 3600));
        assertThat(deliveries(id).getString("items[0].status")).isEqualTo("FAILED");

        int before = receiver.received().size();
        fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        dispatchEverything(TimestampedEntity.now());
        assertThat(receiver.received()).as("a disabled webhook receives nothing").hasSize(before);

        String tag = partner().get("/api/webhooks/" + id).then().extract().header("ETag");
        partner().header("If-Match", tag).contentType("application/merge-patch+json").body("{\"enabled\": true}")
                .patch("/api/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(true))
                .body("consecutiveFailures", equalTo(0)).body("disabledReason", nullValue());
        receiver.answer(200);
        fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        dispatchEverything(TimestampedEntity.now());
        assertThat(receiver.received()).hasSize(before + 1);
    }

    @Test
    void aPingVerifiesWithTheSecretAndARotatedSecretSignsAlongsideTheOldOneForADay() throws Exception {
        JsonPath created = create(webhook(ALL_EVENTS)).extract().jsonPath();
        long id = created.getLong("id");
        String old = created.getString("secret");
        partner().post("/api/webhooks/" + id + "/test").then().statusCode(200).body("status", equalTo("DELIVERED"))
                .body("eventType", equalTo("webhook.ping")).body("statusCode", equalTo(204));
        Receiver.Received ping = receiver.received().getLast();
        assertThat(verifies(ping, old)).isTrue();
        assertThat(JsonPath.from(ping.body()).getLong("data.webhookId")).isEqualTo(id);

        JsonPath rotated = partner().post("/api/webhooks/" + id + "/secret").then().statusCode(200).extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        partner().post("/api/webhooks/" + id + "/test").then().statusCode(200);
        Receiver.Received signedTwice = receiver.received().getLast();
        assertThat(signedTwice.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(signedTwice, fresh)).isTrue();
        assertThat(verifies(signedTwice, old)).isTrue();
        assertThat(verifies(signedTwice, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
        partner().get("/api/webhooks/" + id).then().body("previousSecretExpiresAt", equalTo(rotated.getString("previousSecretExpiresAt")))
                .body("secret", nullValue());

        receiver.answer(500);
        partner().post("/api/webhooks/" + id + "/test").then().statusCode(200).body("status", equalTo("FAILED")).body("statusCode", equalTo(500));
        partner().get("/api/webhooks/" + id).then().body("consecutiveFailures", equalTo(0)).body("enabled", equalTo(true));
    }

    /**
     * Events are sent with the listing as it is when they go out: one whose listing was deleted before it went out is
     * not sent, the deletion is (a receiver ends where the directory is).
     */
    @Test
    void anEventWhoseListingIsGoneBeforeItGoesOutGivesWayToTheDeletion() {
        create(webhook(ALL_EVENTS));
        long listing = fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        String tag = Api.asCurator().get("/api/listings/" + listing).then().extract().header("ETag");
        Api.asCurator().header("If-Match", tag).delete("/api/listings/" + listing).then().statusCode(204);
        dispatchEverything(TimestampedEntity.now());
        assertThat(receiver.received()).extracting(message -> JsonPath.from(message.body()).getString("type"))
                .containsExactly("listing.deleted");
    }

    /** The document lists exactly the filters the service takes, so that a generated client offers each. */
    @Test
    void theDocumentNamesEveryFilterAWebhookTakes() {
        List<String> documented = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath().getList("components.schemas.WebhookFilters.propertyNames.enum", String.class);
        assertThat(documented).containsExactlyElementsOf(dev.aitrainingdirectory.listing.ListingSearch.filterNames());
    }

    /** Two dispatchers at once (two instances on one database) send each message once. */
    @Test
    void twoDispatchersAtOnceSendEveryMessageOnce() throws Exception {
        create(webhook(List.of("listing.created")));
        String platform = fixture.platform(DirectoryFixture.worldwide());
        for (int index = 0; index < 30; index++) {
            fixture.listing(platform).create();
        }
        Instant now = TimestampedEntity.now();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> rounds = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                rounds.add(() -> {
                    int work = 0;
                    for (int round = 0; round < 20; round++) {
                        work += dispatcher.fanOut(now) + dispatcher.deliverDue(now);
                    }
                    return work;
                });
            }
            for (Future<Integer> done : both.invokeAll(rounds)) {
                done.get();
            }
        } finally {
            both.shutdown();
        }
        List<String> ids = receiver.received().stream().map(message -> message.header("webhook-id")).toList();
        assertThat(ids).hasSize(30);
        assertThat(new HashSet<>(ids)).hasSize(30);
    }

    private void dispatchEverything(Instant now) {
        while (dispatcher.fanOut(now) > 0) {
            // the outbox holds more than a batch
        }
        while (dispatcher.deliverDue(now) > 0) {
            // more deliveries are due than a claim takes
        }
    }

    /** Whether one of the message's signatures is that of the secret, by the Standard Webhooks rules. */
    private static boolean verifies(Receiver.Received message, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String content = message.header("webhook-id") + "." + message.header("webhook-timestamp") + "." + message.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        return Set.of(message.header("webhook-signature").split(" ")).contains(expected);
    }

    private JsonPath deliveries(long webhook) {
        return partner().get("/api/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private Body webhook(List<String> events) {
        return object().with("url", receiver.url()).with("events", events).with("filters", Map.of("country", "IN"));
    }

    private io.restassured.response.ValidatableResponse create(Body body) {
        return create(body, 201).header("Location", matchesPattern(".*/api/webhooks/[0-9]+")).header("ETag", not(nullValue()));
    }

    private io.restassured.response.ValidatableResponse create(Body body, int status) {
        return partner().contentType("application/json").body(body).post("/api/webhooks").then().statusCode(status);
    }

    private RequestSpecification partner() {
        return given().header("Authorization", partnerKey);
    }

    private static String newPartnerKey() {
        long partner = Api.asCurator().contentType("application/json")
                .body(object().with("name", DirectoryFixture.unique("Hooks")).with("contactEmail", "ops@example.org"))
                .post("/api/partners").then().statusCode(201).extract().jsonPath().getLong("id");
        return "Bearer " + Api.asCurator().post("/api/partners/" + partner + "/keys").then().statusCode(201)
                .extract().jsonPath().getString("key");
    }
}
