package dev.aitrainingdirectory.paytier;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.http.Responses;
import dev.aitrainingdirectory.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import dev.aitrainingdirectory.paging.ItemList;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The pay tiers: bands of work with their published and observed hourly pay. */
@Path("/api/pay-tiers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Pay tiers", description = "Bands of work with their published hourly range and what open listings pay.")
public class PayTierResource {

    @Inject
    PayTierObservations observations;
    @Inject
    PayTierService payTiers;
    @Inject
    CuratedWrites writes;
    @Inject
    ObjectMapper objectMapper;

    @GET
    @PermitAll
    @Operation(operationId = "listPayTiers", summary = "List pay tiers",
            description = "Every pay tier, cheapest published range first; a short reference list, not paged.")
    @APIResponse(responseCode = "200", description = "Every pay tier.")
    public ItemList<PayTierResponse> listPayTiers() {
        return new ItemList<>(PayTier.listAllInRangeOrder().stream()
                .map(tier -> PayTierResponse.of(tier, observations.observe(tier))).toList());
    }

    @GET
    @Path("{slug}")
    @PermitAll
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "getPayTier", summary = "Read a pay tier",
            description = "One pay tier with its observed pay. Send the `ETag` back in `If-None-Match` to get 304"
                    + " while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The pay tier.",
            headers = @Header(ref = "ETag"))
    public RestResponse<PayTierResponse> getPayTier(
            @Parameter(ref = "PayTierSlug") @PathParam("slug") String slug,
            @Context Request request) {
        PayTier tier = payTiers.load(slug);
        ObservedPay observed = observations.observe(tier);
        return EntityTags.conditionalGet(request, EntityTags.of(tier.version, observed), () -> PayTierResponse.of(tier, observed));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPayTier", summary = "Create a pay tier",
            description = "Adds a pay tier; its `slug` is chosen now and never changes.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PayTierResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PayTierResponse> createPayTier(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PayTierRequest.class), examples = @ExampleObject(name = "pay-tier",
                            summary = "A new pay tier", value = PayTierRequest.EXAMPLE)))
            PayTierRequest body, @Context UriInfo uriInfo) {
        PayTier tier = writes.create(payTiers, body);
        ObservedPay observed = observations.observe(tier);
        return Responses.created(uriInfo.getBaseUriBuilder().path("api/pay-tiers/{slug}").build(tier.slug),
                EntityTags.of(tier.version, observed), PayTierResponse.of(tier, observed));
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePayTier", summary = "Replace a pay tier",
            description = "Replaces every field but the slug. Needs `If-Match` with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Replaced.", headers = @Header(ref = "ETag"))
    public RestResponse<PayTierResponse> replacePayTier(
            @Parameter(ref = "PayTierSlug") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PayTierRequest.class), examples = @ExampleObject(name = "pay-tier",
                            summary = "Every field but the slug", value = PayTierRequest.EXAMPLE)))
            PayTierRequest body) {
        return written(writes.replace(payTiers, slug, ifMatch, body));
    }

    @PATCH
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "updatePayTier", summary = "Update part of a pay tier",
            description = "Applies a JSON merge patch (RFC 7396) to the tier's writable fields. Needs `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(ref = "ETag"))
    public RestResponse<PayTierResponse> updatePayTier(
            @Parameter(ref = "PayTierSlug") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "A JSON merge patch of the tier's writable fields.", required = true, content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(ref = "PayTierPatch"),
                    examples = @ExampleObject(name = "change", summary = "Change one field", value = PayTierRequest.PATCH_EXAMPLE))) byte[] patch) {
        return written(writes.patch(payTiers, slug, ifMatch, MergePatch.read(objectMapper, patch)));
    }

    @DELETE
    @Path("{slug}")
    @Operation(operationId = "deletePayTier", summary = "Delete a pay tier",
            description = "Removes a tier that no listing and no platform uses. Needs `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void deletePayTier(
            @Parameter(ref = "PayTierSlug") @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(payTiers, slug, ifMatch);
    }

    private RestResponse<PayTierResponse> written(PayTier tier) {
        ObservedPay observed = observations.observe(tier);
        return Responses.ok(EntityTags.of(tier.version, observed), PayTierResponse.of(tier, observed));
    }
}
