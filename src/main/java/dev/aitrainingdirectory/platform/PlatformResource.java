package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageLinks;
import dev.aitrainingdirectory.problem.Problem;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The platforms contributors work on. */
@Path("/api/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "The contractor platforms where the work is done.")
public class PlatformResource {

    @Inject
    PlatformSearch search;

    @GET
    @Operation(operationId = "listPlatforms", summary = "List platforms",
            description = "Platforms filtered by who they accept and what they offer, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of platforms; the `Link` header holds first, prev, next and last.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, previous, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or an invalid value; `errors` names each.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Page<PlatformResponse>> listPlatforms(@BeanParam PlatformSearchParams params, @Context UriInfo uriInfo) {
        return PageLinks.ok(search.search(search.parse(params)), uriInfo);
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getPlatform", summary = "Read a platform",
            description = "One platform with its eligibility and its count of open listings. Send the `ETag` back in"
                    + " `If-None-Match` to get 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The platform.",
            headers = @Header(name = "ETag", description = "The platform's current entity tag.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the `If-None-Match` tag.")
    @APIResponse(responseCode = "404", description = "No platform has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PlatformResponse> getPlatform(
            @Parameter(description = "The platform's slug.", example = "outlier") @PathParam("slug") String slug,
            @Context Request request) {
        Platform platform = Platform.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No platform has the slug '" + slug + "'."));
        long openListings = search.openListings(List.of(platform.id)).getOrDefault(platform.id, 0L);
        return EntityTags.conditionalGet(request, EntityTags.of(platform.version, openListings),
                () -> PlatformResponse.of(platform, openListings));
    }
}
