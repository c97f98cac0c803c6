package dev.aitrainingdirectory.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.http.Responses;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageLinks;
import dev.aitrainingdirectory.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The platforms contributors work on. */
@Path("/api/platforms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Platforms", description = "The contractor platforms where the work is done.")
public class PlatformResource {

    @Inject
    PlatformSearch search;
    @Inject
    PlatformService platforms;
    @Inject
    CuratedWrites writes;
    @Inject
    ObjectMapper objectMapper;

    @GET
    @PermitAll
    @Operation(operationId = "listPlatforms", summary = "List platforms",
            description = "Platforms filtered by who they accept and what they offer, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of platforms; the `Link` header holds first, prev, next and last.",
            headers = @Header(ref = "Link"))
    public RestResponse<Page<PlatformResponse>> listPlatforms(@BeanParam PlatformSearchParams params, @Context UriInfo uriInfo) {
        return PageLinks.ok(search.search(search.parse(params)), uriInfo);
    }

    @GET
    @Path("{slug}")
    @PermitAll
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "getPlatform", summary = "Read a platform",
            description = "One platform with its eligibility and its count of open listings. Send the `ETag` back in"
                    + " `If-None-Match` to get 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The platform.",
            headers = @Header(ref = "ETag"))
    public RestResponse<PlatformResponse> getPlatform(
            @Parameter(ref = "PlatformSlug") @PathParam("slug") String slug,
            @Context Request request) {
        Platform platform = platforms.load(slug);
        long openListings = search.openListings(platform);
        return EntityTags.conditionalGet(request, EntityTags.of(platform.version, openListings),
                () -> PlatformResponse.of(platform, openListings));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlatform", summary = "Create a platform",
            description = "Adds a platform; its `slug` is chosen now and never changes.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlatformResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PlatformResponse> createPlatform(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlatformRequest.class), examples = @ExampleObject(name = "platform",
                            summary = "A new platform", value = PlatformRequest.EXAMPLE)))
            PlatformRequest body, @Context UriInfo uriInfo) {
        Platform platform = writes.create(platforms, body);
        return Responses.created(uriInfo.getBaseUriBuilder().path("api/platforms/{slug}").build(platform.slug),
                EntityTags.of(platform.version, 0L), PlatformResponse.of(platform, 0));
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePlatform", summary = "Replace a platform",
            description = "Replaces every field but the slug. Needs `If-Match` with the ETag last read. A new name or"
                    + " new rules reach every listing of the platform (their effective eligibility and version change).")
    @APIResponse(responseCode = "200", description = "Replaced.", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PlatformResponse> replacePlatform(
            @Parameter(ref = "PlatformSlug") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlatformRequest.class), examples = @ExampleObject(name = "platform",
                            summary = "Every field but the slug", value = PlatformRequest.EXAMPLE)))
            PlatformRequest body) {
        return written(writes.replace(platforms, slug, ifMatch, body));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "updatePlatform", summary = "Update part of a platform",
            description = "Applies a JSON merge patch (RFC 7396) to the platform's writable fields. Needs `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PlatformResponse> updatePlatform(
            @Parameter(ref = "PlatformSlug") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "A JSON merge patch of the platform's writable fields.", required = true, content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(ref = "PlatformPatch"),
                    examples = @ExampleObject(name = "change", summary = "Change one field", value = PlatformRequest.PATCH_EXAMPLE))) byte[] patch) {
        return written(writes.patch(platforms, slug, ifMatch, MergePatch.read(objectMapper, patch)));
    }

    @DELETE
    @Path("{slug}")
    @Operation(operationId = "deletePlatform", summary = "Delete a platform",
            description = "Removes a platform that has no listings left (of any status). Needs `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void deletePlatform(
            @Parameter(ref = "PlatformSlug") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(platforms, slug, ifMatch);
    }

    private RestResponse<PlatformResponse> written(Platform platform) {
        long openListings = search.openListings(platform);
        return Responses.ok(EntityTags.of(platform.version, openListings), PlatformResponse.of(platform, openListings));
    }
}
