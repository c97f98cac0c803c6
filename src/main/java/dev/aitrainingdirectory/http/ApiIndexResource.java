package dev.aitrainingdirectory.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
public class ApiIndexResource {

    static final String NAME = "AI training work directory API";

    /** Where to go from the entry point. */
    @Schema(name = "ApiIndex", description = "What this API is, and the paths of its collections and documentation on this server.")
    public record ApiIndex(
            @Schema(description = "What this API is.", required = true, enumeration = NAME) String name,
            @Schema(required = true) Links links) {
    }

    /** The paths of the collections and of the documentation. */
    @Schema(name = "ApiIndexLinks", description = "Paths on this server.")
    public record Links(
            @Schema(required = true, format = "uri-reference", maxLength = 100) String listings,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String listingChanges,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String listingFeed,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String platforms,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String payTiers,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String countries,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String languages,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String openapi,
            @Schema(required = true, format = "uri-reference", maxLength = 100) String documentation) {
    }

    private static final ApiIndex INDEX = new ApiIndex(NAME, new Links(
            "/api/listings", "/api/listings/changes", "/api/listings/feed", "/api/platforms", "/api/pay-tiers",
            "/api/eligibility/countries", "/api/eligibility/languages", "/q/openapi", "/q/swagger-ui"));

    @GET
    @PermitAll
    @Operation(operationId = "getApiIndex", summary = "Where to start",
            description = "The paths of the collections and of the documentation. It is the same for every caller.")
    @APIResponse(responseCode = "200", description = "The index.")
    public ApiIndex getApiIndex() {
        return INDEX;
    }
}
