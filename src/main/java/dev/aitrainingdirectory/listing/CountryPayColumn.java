package dev.aitrainingdirectory.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * A listing's ranges by country as the database keeps them: one JSON array in a column of the listing,
 * written only by the service (after validation) and read whole with the listing; nothing queries inside it.
 */
final class CountryPayColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ListingRequest.CountryPayRequest>> RANGES = new TypeReference<>() {
    };

    private CountryPayColumn() {
    }

    /** The column's value for {@code ranges}: null when there are none. */
    static String write(List<ListingRequest.CountryPayRequest> ranges) {
        if (ranges == null || ranges.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(ranges);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Ranges by country that cannot be written as JSON", e);
        }
    }

    static List<ListingRequest.CountryPayRequest> read(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return JSON.readValue(column, RANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The ranges by country of a listing are not the JSON this service writes", e);
        }
    }
}
