package dev.aitrainingdirectory.partner;

import static dev.aitrainingdirectory.support.Bodies.object;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * Partner accounts as curators and partners use them: keys issued once, two at a time for rotation, refused at the
 * next request once revoked, and an account that only its own keys read.
 */
@QuarkusTest
class PartnerAccountsTest {

    static long createPartner(String name) {
        return Api.asCurator().contentType("application/json")
                .body(object().with("name", name).with("contactEmail", "ops@example.org"))
                .when().post("/api/partners")
                .then().statusCode(201).header("Location", matchesPattern(".*/api/partners/[0-9]+"))
                .body("keys", hasSize(0)).extract().jsonPath().getLong("id");
    }

    static JsonPath issueKey(long partner) {
        return Api.asCurator().when().post("/api/partners/" + partner + "/keys")
                .then().statusCode(201).body("key", matchesPattern("dir_pk_[A-Za-z0-9_-]{43}")).extract().jsonPath();
    }

    /** A new partner account with one key: its Authorization header. */
    static String newPartnerKey(String name) {
        return "Bearer " + issueKey(createPartner(name)).getString("key");
    }

    @Test
    void anIssuedKeyReadsItsOwnAccountAndIsShownOnlyOnce() {
        long partner = createPartner(DirectoryFixture.unique("Weekly"));
        JsonPath issued = issueKey(partner);
        String key = issued.getString("key");
        assertThat(key).startsWith(issued.getString("hint"));

        given().header("Authorization", "Bearer " + key).when().get("/api/partners/me")
                .then().statusCode(200).body("id", equalTo((int) partner))
                .body("keys", hasSize(1)).body("keys[0].id", equalTo(issued.getInt("id")))
                .body("keys[0].hint", equalTo(issued.getString("hint")))
                .body("keys[0].lastUsedAt", notNullValue()).body("keys[0].key", nullValue());
        String curatorView = Api.asCurator().when().get("/api/partners/" + partner).then().statusCode(200)
                .body("keys[0].hint", equalTo(issued.getString("hint"))).extract().asString();
        assertThat(curatorView).doesNotContain(key).doesNotContain(key.substring(issued.getString("hint").length()));
        // A partner key reads the directory like any partner key.
        given().header("Authorization", "Bearer " + key).when().get("/api/listings").then().statusCode(200);
    }

    @Test
    void aPartnerHoldsTwoKeysAndARevokedOneIsRefusedAtTheNextRequest() {
        long partner = createPartner(DirectoryFixture.unique("Rotating"));
        String oldKey = "Bearer " + issueKey(partner).getString("key");
        long oldKeyId = given().header("Authorization", oldKey).when().get("/api/partners/me").then().statusCode(200)
                .extract().jsonPath().getLong("keys[0].id");
        String newKey = "Bearer " + issueKey(partner).getString("key");
        Api.asCurator().when().post("/api/partners/" + partner + "/keys").then().statusCode(409)
                .body("detail", equalTo("The partner " + partner + " holds 2 keys already; revoke one of them first."));

        Api.asCurator().when().delete("/api/partners/" + partner + "/keys/" + oldKeyId).then().statusCode(204);

        given().header("Authorization", oldKey).when().get("/api/listings").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", oldKey).when().get("/api/partners/me").then().statusCode(401);
        given().header("Authorization", newKey).when().get("/api/partners/me").then().statusCode(200).body("keys", hasSize(1));
        Api.asCurator().when().delete("/api/partners/" + partner + "/keys/" + oldKeyId).then().statusCode(404);
    }

    @Test
    void aPartnerKeyNeverManagesPartnersOrKeysAndSeesNoOtherAccount() {
        long own = createPartner(DirectoryFixture.unique("Own"));
        String key = "Bearer " + issueKey(own).getString("key");
        long other = createPartner(DirectoryFixture.unique("Other"));

        given().header("Authorization", key).contentType("application/json")
                .body(object().with("name", "Mine").with("contactEmail", "me@example.org"))
                .when().post("/api/partners").then().statusCode(403);
        given().header("Authorization", key).when().post("/api/partners/" + own + "/keys").then().statusCode(403);
        given().header("Authorization", key).when().get("/api/partners/" + other).then().statusCode(403);
        given().header("Authorization", key).when().get("/api/partners").then().statusCode(403);
        Api.asCurator().when().get("/api/partners/" + other).then().statusCode(200).body("keys", hasSize(0));
    }

    @Test
    void onlyAPartnerAccountKeyHasAnAccount() {
        given().when().get("/api/partners/me").then().statusCode(401);
        Api.asCurator().when().get("/api/partners/me").then().statusCode(403);
        given().header("Authorization", Api.PARTNER).when().get("/api/partners/me").then().statusCode(403)
                .body("detail", matchesPattern(".*configuration.*"));
        // A key of the right form that was never issued is refused, reads included.
        given().header("Authorization", "Bearer dir_pk_" + "A".repeat(43)).when().get("/api/pay-tiers").then().statusCode(401);
    }

    @Test
    void deletingAnAccountStopsItsKeys() {
        long partner = createPartner(DirectoryFixture.unique("Leaving"));
        String key = "Bearer " + issueKey(partner).getString("key");
        String tag = Api.asCurator().when().get("/api/partners/" + partner).then().statusCode(200).extract().header("ETag");

        Api.asCurator().header("If-Match", tag).when().delete("/api/partners/" + partner).then().statusCode(204);

        given().header("Authorization", key).when().get("/api/listings").then().statusCode(401);
        Api.asCurator().when().get("/api/partners/" + partner).then().statusCode(404);
    }

    @Test
    void anAccountNeedsANameAndAnEmailAndNothingIsStoredWithout() {
        long before = Api.asCurator().when().get("/api/partners").then().statusCode(200).extract().jsonPath().getLong("totalItems");
        Api.asCurator().contentType("application/json").body(object().with("name", " ").with("contactEmail", "not-an-email"))
                .when().post("/api/partners")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "contactEmail"));
        Api.asCurator().when().get("/api/partners").then().statusCode(200).body("totalItems", equalTo((int) before));
    }
}
