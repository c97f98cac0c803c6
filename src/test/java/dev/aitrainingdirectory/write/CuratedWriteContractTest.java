package dev.aitrainingdirectory.write;

import static dev.aitrainingdirectory.support.Bodies.object;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.Concurrently;
import dev.aitrainingdirectory.support.DirectoryFixture;
import dev.aitrainingdirectory.write.CuratedResource.Draft;
import dev.aitrainingdirectory.write.CuratedResource.Referrer;
import dev.aitrainingdirectory.write.CuratedResource.Rejection;
import dev.aitrainingdirectory.write.CuratedResource.Write;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every curated resource (platforms, pay tiers, listings, exchange rates) keeps for its writes:
 * only curators write; a create answers 201 with Location and ETag; a replace, a patch and a delete need
 * the current ETag, and of writers racing on one only one wins; merge patches follow RFC 7396; a bad body
 * names its field and stores nothing; a row still in use cannot be deleted. Each resource is described in
 * {@link CuratedResources}; what is a resource's own stays in its own tests.
 */
@QuarkusTest
class CuratedWriteContractTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** A strong entity tag: quoted, without {@code W/}. */
    private static final String STRONG_TAG = "\"[^\"]+\"";
    /** A tag in the server's form naming a version no row here has reached. */
    private static final String MADE_UP_TAG = "\"999-0000000000000000\"";
    /** Fields the server keeps on every write. */
    private static final Set<String> KEPT_BY_THE_SERVER = Set.of("version", "updatedAt");
    /** What no curated resource takes: a property it does not have, and the version the server keeps. */
    private static final List<Rejection> UNREADABLE_AS_ANY = List.of(
            new Rejection("an unknown property", "colour", body -> body.with("colour", "blue")),
            new Rejection("the server's version", "version", body -> body.with("version", 4)));
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Numbers compared by value, whatever their scale: 80, 80.0 and 80.00 are one amount. */
    private static final Comparator<JsonNode> BY_VALUE = (one, other) -> one.isNumber() && other.isNumber()
            ? one.decimalValue().compareTo(other.decimalValue()) : one.equals(other) ? 0 : 1;

    @Inject
    DirectoryFixture fixture;

    static Stream<CuratedResource> resources() {
        return CuratedResources.all().stream();
    }

    static Stream<Arguments> everyWrite() {
        return resources().flatMap(resource -> Stream.of(Write.values()).filter(resource::allows)
                .map(write -> Arguments.of(resource, write)));
    }

    static Stream<Arguments> conditionalWrites() {
        return everyWrite().filter(arguments -> arguments.get()[1] != Write.CREATE);
    }

    static Stream<CuratedResource> patchable() {
        return resources().filter(CuratedResource::patchable);
    }

    static Stream<CuratedResource> keyedInTheBody() {
        return resources().filter(resource -> resource.fields().key() != null);
    }

    static Stream<CuratedResource> lackingAMethod() {
        return resources().filter(resource -> resource.createdByPut() || !resource.patchable());
    }

    /** Bodies that break a rule (422), and bodies that cannot be read as the resource (400). */
    static Stream<Arguments> refusedBodies() {
        return resources().flatMap(resource -> Stream.concat(
                resource.invalid().stream().map(rejection -> Arguments.of(resource, rejection, 422)),
                Stream.concat(UNREADABLE_AS_ANY.stream(), resource.unreadable().stream())
                        .map(rejection -> Arguments.of(resource, rejection, 400))));
    }

    static Stream<Arguments> references() {
        return resources().flatMap(resource -> resource.referrers().stream().map(referrer -> Arguments.of(resource, referrer)));
    }

    @ParameterizedTest(name = "{0}: {1} without the curator role")
    @MethodSource("everyWrite")
    void aWriteWithoutTheCuratorKeyIsRefusedAndChangesNothing(CuratedResource resource, Write write) {
        Row row = create(resource);
        Draft fresh = resource.fresh(fixture);
        long before = resource.count(fresh);

        attempt(resource, write, given(), row, fresh, row.tag()).then()
                .statusCode(401).contentType(PROBLEM).body("status", equalTo(401))
                .header("WWW-Authenticate", containsString("Bearer"));
        attempt(resource, write, given().header("Authorization", "Bearer not-a-key"), row, fresh, row.tag()).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        attempt(resource, write, given().header("Authorization", "dev-curator-key"), row, fresh, row.tag()).then()
                .statusCode(401).contentType(PROBLEM);
        attempt(resource, write, given().header("Authorization", Api.PARTNER), row, fresh, row.tag()).then()
                .statusCode(403).contentType(PROBLEM).body("status", equalTo(403));

        assertUnchanged(row);
        assertNotStored(resource, fresh, before);
        // The same request with the curator key goes through: what was refused was the key, not the request.
        attempt(resource, write, curator(), row, fresh, row.tag()).then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aCreateAnswers201WithLocationAndETagAndTheLocationReadsBackTheSame(CuratedResource resource) {
        Draft draft = resource.fresh(fixture);

        Response created = create(curator(), resource, draft);
        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString(resource.collection() + "/"))
                .header("ETag", matchesPattern(STRONG_TAG));
        if (draft.path() != null) {
            assertThat(created.header("Location")).endsWith(draft.path());
        }
        assertReadsAsWritten(draft.body(), created);
        if (created.jsonPath().get("version") != null) {
            assertThat(created.jsonPath().getLong("version")).isZero();
        }

        String tag = created.header("ETag");
        Response read = given().get(created.header("Location"));
        read.then().statusCode(200).header("ETag", equalTo(tag));
        assertThat(read.jsonPath().getMap("$")).isEqualTo(created.jsonPath().getMap("$"));
        given().header("If-None-Match", tag).get(created.header("Location")).then()
                .statusCode(304).header("ETag", equalTo(tag)).body(emptyString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aReplaceWithTheCurrentETagWritesEveryFieldAndMovesTheTag(CuratedResource resource) {
        Row row = create(resource);
        String text = resource.fields().text();
        Body replacement = row.body().with(text, "Replaced by a test");
        if (resource.fields().optional() != null) {
            replacement.without(resource.fields().optional());
        }

        Response replaced = replace(curator(), row, replacement, row.tag());
        replaced.then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", allOf(matchesPattern(STRONG_TAG), not(equalTo(row.tag()))))
                .body(text, equalTo("Replaced by a test"));
        assertReadsAsWritten(replacement, replaced);
        if (resource.fields().optional() != null) {
            replaced.then().body("$", not(hasKey(resource.fields().optional())));
        }
        assertVersionMovedOn(row, replaced);

        String newTag = replaced.header("ETag");
        Response read = given().header("If-None-Match", row.tag()).get(row.path());
        read.then().statusCode(200).header("ETag", equalTo(newTag));
        assertThat(read.jsonPath().getMap("$")).isEqualTo(replaced.jsonPath().getMap("$"));
        given().header("If-None-Match", newTag).get(row.path()).then().statusCode(304);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedInTheBody")
    void aWriteMayRepeatTheKeyButNotChangeIt(CuratedResource resource) {
        Row row = create(resource);
        String key = resource.fields().key();
        Draft elsewhere = resource.fresh(fixture);

        replace(curator(), row, row.body().with(key, elsewhere.key()), row.tag()).then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", hasItem(key));
        if (resource.patchable()) {
            patch(curator(), row, object().with(key, elsewhere.key()), row.tag()).then()
                    .statusCode(422).contentType(PROBLEM).body("errors.field", hasItem(key));
        }
        given().get(elsewhere.path()).then().statusCode(404);
        assertUnchanged(row);

        replace(curator(), row, row.body().with(key, row.key()).with(resource.fields().text(), "Same key"), row.tag()).then()
                .statusCode(200).body(key, equalTo(row.key())).body(resource.fields().text(), equalTo("Same key"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("conditionalWrites")
    void aReplacePatchOrDeleteNeedsTheCurrentETagAndChangesNothingWithout(CuratedResource resource, Write write) {
        Row row = create(resource);

        attempt(resource, write, curator(), row, null, null).then()
                .statusCode(428).contentType(PROBLEM).body("status", equalTo(428));
        attempt(resource, write, curator(), row, null, MADE_UP_TAG).then()
                .statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        assertUnchanged(row);

        // Someone else's write makes the tag this curator read stale.
        String text = resource.fields().text();
        replace(curator(), row, row.body().with(text, "Someone else's change"), row.tag()).then().statusCode(200);
        attempt(resource, write, curator(), row, null, row.tag()).then().statusCode(412).contentType(PROBLEM);
        given().get(row.path()).then().statusCode(200).body(text, equalTo("Someone else's change"));
    }

    static Stream<Arguments> racingWrites() {
        return conditionalWrites().filter(arguments -> arguments.get()[1] != Write.DELETE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("racingWrites")
    void ofFourConcurrentWritesWithTheSameETagExactlyOneWins(CuratedResource resource, Write write) throws Exception {
        Row row = create(resource);
        String text = resource.fields().text();

        List<Response> answers = Concurrently.run(4, writer -> () -> write == Write.PATCH
                ? patch(curator(), row, object().with(text, "Writer " + writer), row.tag())
                : replace(curator(), row, row.body().with(text, "Writer " + writer), row.tag()));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412, 412, 412);
        int winner = answers.stream().map(Response::statusCode).toList().indexOf(200);
        answers.stream().filter(answer -> answer.statusCode() == 412)
                .forEach(loser -> assertThat(loser.contentType()).startsWith(PROBLEM));
        Response stored = given().get(row.path());
        stored.then().statusCode(200).body(text, equalTo("Writer " + winner))
                .header("ETag", equalTo(answers.get(winner).header("ETag")));
        assertVersionMovedOn(row, stored);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void ofFourConcurrentCreatesOfOneKeyOneIsCreatedAndTheOthersRefused(CuratedResource resource) throws Exception {
        String text = resource.fields().text();
        for (int round = 0; round < 3; round++) {
            Draft draft = resource.fresh(fixture);
            long before = resource.count(draft);

            List<Response> answers = Concurrently.run(4, creator -> () ->
                    create(curator(), resource, draft.withBody(draft.body().copy().with(text, "Creator " + creator))));

            List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
            assertThat(statuses).as("round %d", round).containsOnlyOnce(201);
            int winner = statuses.indexOf(201);
            for (Response loser : answers) {
                if (loser.statusCode() != 201) {
                    // A loser that met the winner's row answers as a second create does; one whose insert met the
                    // winner's (a unique key taken at the same time) answers 409.
                    assertThat(loser.statusCode()).as("round %d", round).isIn(resource.duplicateStatus(), 409);
                    assertThat(loser.contentType()).startsWith(PROBLEM);
                    if (loser.statusCode() == 409) {
                        assertThat(loser.jsonPath().getString("detail")).as("round %d", round).contains("'" + draft.key() + "'");
                    }
                }
            }
            given().get(answers.get(winner).header("Location")).then().statusCode(200).body(text, equalTo("Creator " + winner));
            assertThat(resource.count(draft)).as("rows after round %d", round).isEqualTo(before + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchable")
    void aMergePatchReplacesWhatItGivesMergesNestedObjectsRemovesNullsAndKeepsTheRest(CuratedResource resource) {
        Row row = create(resource);
        CuratedResource.Fields fields = resource.fields();
        JsonNode before = tree(given().get(row.path()).then().statusCode(200).extract().asString());
        Body patch = object().with(fields.text(), "Patched by a test").with(fields.nested(), fields.nestedValue());
        if (fields.optional() != null) {
            patch.with(fields.optional(), null);
        }

        Response patched = patch(curator(), row, patch, row.tag());
        patched.then().statusCode(200).header("ETag", allOf(matchesPattern(STRONG_TAG), not(equalTo(row.tag()))));
        JsonNode after = tree(given().get(row.path()).then().statusCode(200).extract().asString());

        assertThat(after.path(fields.text()).asText()).isEqualTo("Patched by a test");
        assertThat(at(after, fields.nested()).equals(BY_VALUE, JSON.valueToTree(fields.nestedValue())))
                .as("%s after the patch: %s", fields.nested(), at(after, fields.nested())).isTrue();
        if (fields.optional() != null) {
            assertThat(after.has(fields.optional())).as("%s after a patch with null", fields.optional()).isFalse();
        }
        // Everything else is as RFC 7396 applied to what was read says: what the patch leaves out stays.
        JsonNode expected = mergePatch(before, JSON.valueToTree(patch));
        Set<String> names = new TreeSet<>();
        expected.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        names.removeAll(KEPT_BY_THE_SERVER);
        names.removeAll(fields.derived());
        for (String name : names) {
            assertThat(after.path(name).equals(BY_VALUE, expected.path(name)))
                    .as("%s: expected %s, read %s", name, expected.path(name), after.path(name)).isTrue();
        }
        assertThat(tree(patched.asString()).equals(BY_VALUE, after)).as("the patch's answer is what is read").isTrue();
        assertVersionMovedOn(row, patched);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchable")
    void aPatchThatIsNoObjectNoMergePatchOrInvalidIsRefusedAndChangesNothing(CuratedResource resource) {
        Row row = create(resource);
        CuratedResource.Fields fields = resource.fields();

        for (String notAnObject : List.of("[]", "\"Patched\"", "1", "null", "{\"" + fields.text() + "\": ")) {
            patch(curator(), row, notAnObject, row.tag()).then().statusCode(400).contentType(PROBLEM);
        }
        curator().contentType(ContentType.JSON).header("If-Match", row.tag()).body(object().with(fields.text(), "Plain JSON"))
                .patch(row.path()).then().statusCode(415).contentType(PROBLEM);
        patch(curator(), row, object().with("colour", "blue"), row.tag()).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("colour")));
        patch(curator(), row, object().with(fields.text(), 12), row.tag()).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of(fields.text())))
                .body(not(containsString("java")));
        patch(curator(), row, object().with(fields.required(), null), row.tag()).then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", hasItem(fields.required()));
        assertUnchanged(row);
    }

    @ParameterizedTest(name = "{0}: {1} is a {2}")
    @MethodSource("refusedBodies")
    void aRefusedBodyNamesItsFieldAndNothingIsStored(CuratedResource resource, Rejection rejection, int status) {
        Draft draft = resource.fresh(fixture);
        long before = resource.count(draft);

        create(curator(), resource, draft.withBody(rejection.breakIt().apply(draft.body().copy()))).then()
                .statusCode(status).contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("title", equalTo(status == 422 ? "Unprocessable Content" : "Bad Request"))
                // A body that breaks a rule may break others; one that cannot be read stops at the first field.
                .body("errors.field", status == 422 ? hasItem(rejection.field()) : equalTo(List.of(rejection.field())))
                .body(not(containsString("Exception")))
                .body(not(containsString("java")))
                .body(not(containsString("dev.aitrainingdirectory")));
        assertNotStored(resource, draft, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void anInvalidReplaceIsRefusedWith422AndChangesNothing(CuratedResource resource) {
        Row row = create(resource);
        Rejection rejection = resource.invalid().getFirst();

        replace(curator(), row, rejection.breakIt().apply(row.body()), row.tag()).then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", hasItem(rejection.field()));
        assertUnchanged(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aBodyThatIsNoJsonObjectIsAClientErrorAndNothingIsStored(CuratedResource resource) {
        Draft draft = resource.fresh(fixture);
        long before = resource.count(draft);

        create(curator().contentType(ContentType.JSON).body("{\"name\": "), resource, draft.path()).then()
                .statusCode(400).contentType(PROBLEM);
        create(curator().contentType(ContentType.JSON).body("[]"), resource, draft.path()).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        for (String nothing : List.of("null", "")) {
            create(curator().contentType(ContentType.JSON).body(nothing), resource, draft.path()).then()
                    .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500))).contentType(PROBLEM);
        }
        create(curator().contentType(ContentType.TEXT).body(draft.body().json()), resource, draft.path()).then()
                .statusCode(415).contentType(PROBLEM);
        assertNotStored(resource, draft, before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aSecondCreateOfTheSameKeyIsRefusedAndLeavesTheFirstRowAlone(CuratedResource resource) {
        Row row = create(resource);
        long before = resource.count(row.draft());

        Response again = create(curator(), resource, row.draft().withBody(row.body().with(resource.fields().text(), "Impostor")));
        again.then().statusCode(resource.duplicateStatus()).contentType(PROBLEM);
        if (resource.duplicateStatus() == 409) {
            again.then().body("detail", containsString(row.key()));
        }
        assertUnchanged(row);
        assertThat(resource.count(row.draft())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aDeleteWithTheCurrentETagAnswers204ThenTheRowIsGoneAndItsKeyIsFreeAgain(CuratedResource resource) {
        Row row = create(resource);
        long before = resource.count(row.draft());

        delete(curator(), row, row.tag()).then().statusCode(204).body(emptyString());
        given().get(row.path()).then().statusCode(404).contentType(PROBLEM);
        delete(curator(), row, row.tag()).then().statusCode(404).contentType(PROBLEM);
        assertThat(resource.count(row.draft())).isEqualTo(before - 1);

        Response again = create(curator(), resource, row.draft());
        again.then().statusCode(201);
        if (again.jsonPath().get("version") != null) {
            assertThat(again.jsonPath().getLong("version")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("references")
    void aRowInUseCannotBeDeletedUntilTheUseIsGone(CuratedResource resource, Referrer referrer) {
        Row row = create(resource);
        Runnable release = referrer.reference().apply(fixture, row.key());
        if (referrer.shows()) {
            given().header("If-None-Match", row.tag()).get(row.path()).then().statusCode(200);
        }

        // The tag read before the row came into use still names the version a curator writes against.
        delete(curator(), row, row.tag()).then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString(row.key()));
        given().get(row.path()).then().statusCode(200);

        release.run();
        delete(curator(), row, currentTag(row)).then().statusCode(204);
        given().get(row.path()).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void writesToARowThatDoesNotExistAnswer404(CuratedResource resource) {
        Draft draft = resource.fresh(fixture);
        // A path no row has: the draft's, or for a resource whose server picks the key, an id never given out.
        Row missing = new Row(draft, draft.path() != null ? draft.path() : resource.collection() + "/" + Long.MAX_VALUE,
                "\"0-0\"", null);

        if (!resource.createdByPut()) {
            replace(curator(), missing, draft.body(), missing.tag()).then().statusCode(404).contentType(PROBLEM);
        }
        if (resource.patchable()) {
            patch(curator(), missing, object().with(resource.fields().text(), "Nobody"), missing.tag()).then()
                    .statusCode(404).contentType(PROBLEM);
        }
        delete(curator(), missing, missing.tag()).then().statusCode(404).contentType(PROBLEM);
        given().get(missing.path()).then().statusCode(404).contentType(PROBLEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lackingAMethod")
    void aMethodAResourceLacksAnswers405AndChangesNothing(CuratedResource resource) {
        Row row = create(resource);

        if (resource.createdByPut()) {
            curator().contentType(ContentType.JSON).body(resource.fresh(fixture).body()).post(resource.collection()).then()
                    .statusCode(405).contentType(PROBLEM);
        }
        if (!resource.patchable()) {
            patch(curator(), row, object().with(resource.fields().text(), "Patched"), row.tag()).then()
                    .statusCode(405).contentType(PROBLEM);
        }
        assertUnchanged(row);
    }

    /** A row the curator created: its draft, its path (the Location), its ETag and the 201's body. */
    private record Row(Draft draft, String path, String tag, Response created) {

        String key() {
            return draft.key();
        }

        /** A copy of the body it was written with. */
        Body body() {
            return draft.body().copy();
        }
    }

    private Row create(CuratedResource resource) {
        Draft draft = resource.fresh(fixture);
        Response created = create(curator(), resource, draft);
        created.then().statusCode(201);
        return new Row(draft, created.header("Location"), created.header("ETag"), created);
    }

    private static Response create(RequestSpecification request, CuratedResource resource, Draft draft) {
        return create(request.contentType(ContentType.JSON).body(draft.body()), resource, draft.path());
    }

    /** POST to the collection, or PUT to the new key's path where that creates. */
    private static Response create(RequestSpecification request, CuratedResource resource, String path) {
        return resource.createdByPut() ? request.put(path) : request.post(resource.collection());
    }

    private static Response replace(RequestSpecification request, Row row, Body body, String ifMatch) {
        return conditional(request, ifMatch).contentType(ContentType.JSON).body(body).put(row.path());
    }

    private static Response patch(RequestSpecification request, Row row, Object patch, String ifMatch) {
        return conditional(request, ifMatch).contentType(MERGE_PATCH).body(patch).patch(row.path());
    }

    private static Response delete(RequestSpecification request, Row row, String ifMatch) {
        return conditional(request, ifMatch).delete(row.path());
    }

    /** {@code write} made on {@code row} (or, for a create, with {@code fresh}) by whoever {@code request} is. */
    private static Response attempt(CuratedResource resource, Write write, RequestSpecification request, Row row, Draft fresh,
            String ifMatch) {
        String text = resource.fields().text();
        return switch (write) {
            case CREATE -> create(request, resource, fresh);
            case REPLACE -> replace(request, row, row.body().with(text, "Replaced"), ifMatch);
            case PATCH -> patch(request, row, object().with(text, "Patched"), ifMatch);
            case DELETE -> delete(request, row, ifMatch);
        };
    }

    private static RequestSpecification conditional(RequestSpecification request, String ifMatch) {
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    private static RequestSpecification curator() {
        return Api.asCurator();
    }

    private static String currentTag(Row row) {
        return given().get(row.path()).then().statusCode(200).extract().header("ETag");
    }

    /** The row is as it was: its tag still answers 304. */
    private static void assertUnchanged(Row row) {
        given().header("If-None-Match", row.tag()).get(row.path()).then().statusCode(304);
    }

    private static void assertNotStored(CuratedResource resource, Draft draft, long countBefore) {
        if (draft.path() != null) {
            given().get(draft.path()).then().statusCode(404);
        }
        assertThat(resource.count(draft)).as("rows of %s", resource).isEqualTo(countBefore);
    }

    /** Where the representation shows a version, a write moved it on by one. */
    private static void assertVersionMovedOn(Row row, Response written) {
        if (row.created().jsonPath().get("version") != null) {
            assertThat(written.jsonPath().getLong("version")).isEqualTo(row.created().jsonPath().getLong("version") + 1);
            assertThat(written.jsonPath().getString("createdAt")).isEqualTo(row.created().jsonPath().getString("createdAt"));
        }
    }

    /**
     * Every field the body wrote reads back as written: numbers by value, lists in any order (they are sets),
     * and a reference written as a slug as the object it became, naming that slug.
     */
    private static void assertReadsAsWritten(Body body, Response answer) {
        JsonNode written = JSON.valueToTree(body);
        JsonNode read = tree(answer.asString());
        leaves(written, "").forEach((path, value) -> {
            JsonNode shown = at(read, path);
            if (shown.isObject() && value.isTextual()) {
                shown = shown.path("slug");
            }
            if (value.isArray()) {
                assertThat(sorted(shown)).as("%s", path).isEqualTo(sorted(value));
            } else {
                assertThat(shown.equals(BY_VALUE, value)).as("%s: wrote %s, read %s", path, value, shown).isTrue();
            }
        });
    }

    private static Map<String, JsonNode> leaves(JsonNode node, String prefix) {
        Map<String, JsonNode> leaves = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            String path = prefix + field.getKey();
            if (field.getValue().isObject()) {
                leaves.putAll(leaves(field.getValue(), path + "."));
            } else {
                leaves.put(path, field.getValue());
            }
        });
        return leaves;
    }

    private static List<String> sorted(JsonNode array) {
        List<String> elements = new ArrayList<>();
        array.forEach(element -> elements.add(element.toString()));
        elements.sort(null);
        return elements;
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode found = node;
        for (String name : dottedPath.split("\\.")) {
            found = found.path(name);
        }
        return found;
    }

    /** RFC 7396, section 2: the result of applying {@code patch} to {@code target}. */
    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.path(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
