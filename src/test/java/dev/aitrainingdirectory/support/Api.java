package dev.aitrainingdirectory.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** Small RestAssured helpers for reading collections and the changes feed the way a client pages through them. */
public final class Api {

    /** The Authorization header of the test profile's curator key, which may write. */
    public static final String CURATOR = "Bearer dev-curator-key";
    /** The Authorization header of the test profile's partner key, which may only read. */
    public static final String PARTNER = "Bearer dev-partner-key";

    /** Reads JSON numbers as BigDecimal, so that money is compared exactly as the API wrote it. */
    public static final JsonPathConfig EXACT_NUMBERS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private Api() {
    }

    /** A request carrying the curator key. */
    public static io.restassured.specification.RequestSpecification asCurator() {
        return given().header("Authorization", CURATOR);
    }

    /** GET {@code path} with these query parameters, expecting 200. */
    public static ValidatableResponse ok(String path, Map<String, ?> query) {
        return given().queryParams(query).when().get(path).then().statusCode(200);
    }

    /** The ids of the listings one search finds, in the order of the first page of size 100. */
    public static List<Long> listingIds(Map<String, ?> query) {
        return ok("/api/listings", withSize(query)).extract().jsonPath().getList("items.id", Long.class);
    }

    /** How many listings a search finds in all. */
    public static long total(Map<String, ?> query) {
        return ok("/api/listings", query).extract().jsonPath().getLong("totalItems");
    }

    /** The cursor after every change made so far, as a client that has caught up with the changes feed holds it. */
    public static String latestChangeCursor() {
        String cursor = "0";
        while (true) {
            JsonPath page = changesAfter(cursor);
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
            cursor = page.getString("nextCursor");
        }
    }

    /** The first page of the changes feed after {@code cursor}. */
    public static JsonPath changesAfter(String cursor) {
        return ok("/api/listings/changes", Map.of("cursor", cursor, "limit", 1000)).extract().jsonPath();
    }

    /** The ids of the listings that changed after {@code cursor}. */
    public static List<Long> changedAfter(String cursor) {
        return changesAfter(cursor).getList("items.id", Long.class);
    }

    private static Map<String, Object> withSize(Map<String, ?> query) {
        Map<String, Object> sized = new java.util.HashMap<>(query);
        sized.putIfAbsent("size", 100);
        return sized;
    }
}
