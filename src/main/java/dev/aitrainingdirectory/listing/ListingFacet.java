package dev.aitrainingdirectory.listing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The facets a listing search can count, named as the {@code facets} parameter names them. */
@Schema(name = "ListingFacet", description = "A facet of the listing search, named as the filter it counts.")
public enum ListingFacet {
    PLATFORM("platform"),
    TIER("tier"),
    TASK_TYPE("taskType"),
    COUNTRY("country"),
    LANGUAGE("language"),
    STATUS("status"),
    /** Hourly-USD bands of the most a listing pays: 0-15, 15-25, 25-40, 40-60, 60-100, 100+. */
    PAY("pay");

    private final String parameterName;

    ListingFacet(String parameterName) {
        this.parameterName = parameterName;
    }

    @JsonValue
    public String parameterName() {
        return parameterName;
    }

    /** Every facet by its parameter name, in declaration order. */
    public static Map<String, ListingFacet> byParameterName() {
        Map<String, ListingFacet> byName = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(facet -> byName.put(facet.parameterName, facet));
        return byName;
    }

    public static Optional<ListingFacet> ofParameterName(String name) {
        return Optional.ofNullable(byParameterName().get(name));
    }
}
