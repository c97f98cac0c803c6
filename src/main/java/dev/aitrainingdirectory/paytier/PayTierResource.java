package dev.aitrainingdirectory.paytier;

import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.paging.ItemList;
import dev.aitrainingdirectory.problem.Problem;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The pay tiers: bands of work with their published and observed hourly pay. */
@Path("/api/pay-tiers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pay tiers", description = "Bands of work with their published hourly range and what open listings pay.")
public class PayTierResource {

    @Inject
    PayTierObservations observations;

    @GET
    @Operation(operationId = "listPayTiers", summary = "List pay tiers",
            description = "Every pay tier, cheapest published range first; a short reference list, not paged.")
    @APIResponse(responseCode = "200", description = "Every pay tier.")
    public ItemList<PayTierResponse> listPayTiers() {
        return new ItemList<>(PayTier.listAllInRangeOrder().stream()
                .map(tier -> PayTierResponse.of(tier, observations.observe(tier))).toList());
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getPayTier", summary = "Read a pay tier",
            description = "One pay tier with its observed pay. Send the `ETag` back in `If-None-Match` to get 304"
                    + " while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The pay tier.",
            headers = @Header(name = "ETag", description = "The tier's current entity tag.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the `If-None-Match` tag.")
    @APIResponse(responseCode = "404", description = "No pay tier has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PayTierResponse> getPayTier(
            @Parameter(description = "The tier's slug.", example = "coding") @PathParam("slug") String slug,
            @Context Request request) {
        PayTier tier = PayTier.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No pay tier has the slug '" + slug + "'."));
        ObservedPay observed = observations.observe(tier);
        return EntityTags.conditionalGet(request, EntityTags.of(tier.version, observed), () -> PayTierResponse.of(tier, observed));
    }
}
