package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.asCurator;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Api;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A partner replaying the changes feed ends with exactly the current listings, even while writes go on. */
@QuarkusTest
class ListingChangesTest {

    @Inject
    DirectoryFixture fixture;

    @Test
    void aReplayWhileCuratorsWriteEndsWithExactlyTheCurrentListings() throws Exception {
        String platform = fixture.platform(worldwide());
        for (int index = 0; index < 30; index++) {
            fixture.listing(platform).title("Seed " + index).create();
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> writes = pool.submit(() -> writeContinuously(platform, writing));

        Map<Long, Map<String, Object>> replica = new HashMap<>();
        String cursor = null;
        int pagesWhileWriting = 0;
        while (pagesWhileWriting < 15) {
            cursor = follow(cursor, replica, 7);
            pagesWhileWriting++;
        }
        writing.set(false);
        assertThat(writes.get()).as("writes made during the replay").isPositive();
        pool.shutdown();
        // Catch up: follow the cursor until the feed has nothing more.
        String previous;
        do {
            previous = cursor;
            cursor = follow(cursor, replica, 100);
        } while (!cursor.equals(previous));

        assertThat(replica).isEqualTo(currentListings());
    }

    @Test
    void aDeletedListingArrivesAsATombstone() {
        String platform = fixture.platform(worldwide());
        long id = fixture.listing(platform).create();
        String cursor = latestCursor();
        String tag = given().get("/api/listings/" + id).then().extract().header("ETag");
        asCurator().header("If-Match", tag).delete("/api/listings/" + id).then().statusCode(204);

        given().queryParam("cursor", cursor).when().get("/api/listings/changes").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo((int) id))
                .body("items[0].deleted", equalTo(true))
                .body("items[0].listing", equalTo(null));
    }

    @Test
    void aChangedListingAppearsOnceAfterTheCursorWithItsNewState() {
        String platform = fixture.platform(worldwide());
        long id = fixture.listing(platform).create();
        String cursor = latestCursor();
        for (String title : List.of("First edit", "Second edit")) {
            String tag = given().get("/api/listings/" + id).then().extract().header("ETag");
            asCurator().contentType("application/merge-patch+json").header("If-Match", tag)
                    .body(Bodies.object().with("title", title)).patch("/api/listings/" + id).then().statusCode(200);
        }
        given().queryParam("cursor", cursor).when().get("/api/listings/changes").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].listing.title", equalTo("Second edit"))
                .body("items[0].listing.version", equalTo(2));
    }

    @Test
    void badCursorsAndLimitsAnswer400() {
        given().queryParam("cursor", "not-a-cursor").when().get("/api/listings/changes").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("limit", "0").when().get("/api/listings/changes").then().statusCode(400);
        given().queryParam("limit", "1001").when().get("/api/listings/changes").then().statusCode(400);
    }

    /** Creates, edits and deletes listings until told to stop; returns how many writes it made. */
    private int writeContinuously(String platform, AtomicBoolean writing) {
        Random random = new Random(42);
        int writes = 0;
        while (writing.get() && writes < 400) {
            List<Integer> ids = Api.ok("/api/listings", Map.of("platform", platform, "status", "OPEN,PAUSED,CLOSED", "size", 100))
                    .extract().jsonPath().getList("items.id", Integer.class);
            int action = random.nextInt(3);
            if (action == 0 || ids.isEmpty()) {
                asCurator().contentType("application/json")
                        .body(Bodies.listing(platform, "w-" + writes).with("title", "Written " + writes)).post("/api/listings");
            } else {
                int id = ids.get(random.nextInt(ids.size()));
                String tag = given().get("/api/listings/" + id).then().extract().header("ETag");
                if (tag == null) {
                    continue;
                }
                if (action == 1) {
                    asCurator().contentType("application/merge-patch+json").header("If-Match", tag)
                            .body(Bodies.object().with("status", random.nextBoolean() ? "PAUSED" : "CLOSED"))
                            .patch("/api/listings/" + id);
                } else {
                    asCurator().header("If-Match", tag).delete("/api/listings/" + id);
                }
            }
            writes++;
        }
        return writes;
    }

    /** Reads one page after {@code cursor} into the replica; returns the next cursor. */
    private static String follow(String cursor, Map<Long, Map<String, Object>> replica, int limit) {
        Map<String, Object> query = new HashMap<>();
        query.put("limit", limit);
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        JsonPath page = Api.ok("/api/listings/changes", query).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            long id = ((Number) item.get("id")).longValue();
            if (Boolean.TRUE.equals(item.get("deleted"))) {
                replica.remove(id);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> listing = (Map<String, Object>) item.get("listing");
                replica.put(id, listing);
            }
        }
        return page.getString("nextCursor");
    }

    /** Every listing of every status, read page by page from the search. */
    private static Map<Long, Map<String, Object>> currentListings() {
        Map<Long, Map<String, Object>> current = new HashMap<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            JsonPath body = Api.ok("/api/listings", Map.of("status", "OPEN,PAUSED,CLOSED", "size", 100, "page", page,
                    "sort", "-updatedAt")).extract().jsonPath();
            totalPages = body.getInt("totalPages");
            List<Map<String, Object>> items = body.getList("items");
            items.forEach(item -> current.put(((Number) item.get("id")).longValue(), item));
        }
        return current;
    }

    private static String latestCursor() {
        String cursor = null;
        String previous;
        do {
            previous = cursor;
            Map<String, Object> query = new HashMap<>();
            query.put("limit", 1000);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            cursor = Api.ok("/api/listings/changes", query).extract().path("nextCursor");
        } while (!cursor.equals(previous));
        return cursor;
    }
}
