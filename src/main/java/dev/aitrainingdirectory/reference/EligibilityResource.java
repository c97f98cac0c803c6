package dev.aitrainingdirectory.reference;

import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.paging.ItemList;
import dev.aitrainingdirectory.search.ListingSearchEngine;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.SortedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference lists of every country and language, with the open work each has. */
@Path("/api/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "Every country and language, with the open work each has.")
public class EligibilityResource {

    @Inject
    ListingSearchEngine engine;

    @GET
    @Path("countries")
    @PermitAll
    @Operation(operationId = "listCountries", summary = "List countries",
            description = "Every ISO 3166-1 country, ordered by code, with the open listings a contributor living there"
                    + " qualifies for and the platforms they are on. Not paged.")
    @APIResponse(responseCode = "200", description = "Every country.")
    public ItemList<CodeSummary> listCountries() {
        return summaries(IsoCodes.countries(), engine.countries());
    }

    @GET
    @Path("languages")
    @PermitAll
    @Operation(operationId = "listLanguages", summary = "List languages",
            description = "Every ISO 639-1 language, ordered by code, with the open listings that require it and the"
                    + " platforms they are on. Not paged.")
    @APIResponse(responseCode = "200", description = "Every language.")
    public ItemList<CodeSummary> listLanguages() {
        return summaries(IsoCodes.languages(), engine.languages());
    }

    private static ItemList<CodeSummary> summaries(SortedMap<String, String> names,
            Map<String, ListingSearchEngine.CodeCount> counts) {
        ListingSearchEngine.CodeCount none = new ListingSearchEngine.CodeCount(0, 0);
        return new ItemList<>(names.entrySet().stream().map(entry -> {
            ListingSearchEngine.CodeCount count = counts.getOrDefault(entry.getKey(), none);
            return new CodeSummary(entry.getKey(), entry.getValue(), count.count(), count.platforms());
        }).toList());
    }
}
