package dev.aitrainingdirectory.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a partner holds after following the changes feed from its start to its end: every listing not
 * deleted, by id, and the cursor the feed ended at (which moves with any write).
 */
public record ChangesReplica(SortedMap<Long, JsonNode> listings, String cursor) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ChangesReplica follow(PackagedService service) throws Exception {
        SortedMap<Long, JsonNode> listings = new TreeMap<>();
        String cursor = "";
        while (true) {
            JsonNode page = JSON.readTree(service.get("/api/listings/changes?limit=1000"
                    + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            if (page.get("items").isEmpty()) {
                return new ChangesReplica(listings, cursor);
            }
            for (JsonNode item : page.get("items")) {
                if (item.get("deleted").asBoolean()) {
                    listings.remove(item.get("id").asLong());
                } else {
                    listings.put(item.get("id").asLong(), item.get("listing"));
                }
            }
            cursor = page.get("nextCursor").asText();
        }
    }
}
