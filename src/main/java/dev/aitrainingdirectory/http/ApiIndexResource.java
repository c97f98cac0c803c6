package dev.aitrainingdirectory.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The entry point of the API: where each collection and the documentation are. It never changes while
 * the service runs, which also makes it the benchmark's measure of what the HTTP stack alone can do.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Index", description = "The entry point of the API.")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "406", ref = "NotAcceptable")
@APIResponse(responseCode = "500", ref = "InternalServerError")
public class ApiIndexResource {

    /** Where to go from the entry point. */
    @Schema(name = "ApiIndex", description = "The API's collections and documentation, as paths on this server.")
    public record ApiIndex(
            @Schema(description = "What this API is.", required = true, maxLength = 200) String name,
            @Schema(description = "Collection and documentation paths by name.", required = true, maxProperties = 20,
                    additionalProperties = String.class, examples = "{\"listings\": \"/api/listings\"}")
            Map<String, String> links) {
    }

    private static final ApiIndex INDEX = new ApiIndex("AI training work directory API", new TreeMap<>(Map.of(
            "listings", "/api/listings",
            "listingChanges", "/api/listings/changes",
            "listingFeed", "/api/listings/feed",
            "platforms", "/api/platforms",
            "payTiers", "/api/pay-tiers",
            "countries", "/api/eligibility/countries",
            "languages", "/api/eligibility/languages",
            "openapi", "/q/openapi",
            "documentation", "/q/swagger-ui")));

    @GET
    @PermitAll
    @Operation(operationId = "getApiIndex", summary = "Where to start",
            description = "The paths of the collections and of the documentation. It is the same for every caller.")
    @APIResponse(responseCode = "200", description = "The index.")
    public ApiIndex getApiIndex() {
        return INDEX;
    }
}
