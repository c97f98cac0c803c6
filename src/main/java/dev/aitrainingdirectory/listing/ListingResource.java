package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageLinks;
import dev.aitrainingdirectory.problem.Problem;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
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

/** The task listings: the search, its Atom feed and single listings. */
@Path("/api/listings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Listings", description = "Paid AI-training work on the platforms, open or once open.")
public class ListingResource {

    @Inject
    ListingSearch search;

    @GET
    @Operation(operationId = "searchListings", summary = "Search listings",
            description = "Finds listings by eligibility (country, languages, credentials), platform, tier, task type,"
                    + " status, pay and text, in a stable order, one page at a time, with optional facet counts."
                    + " Filters are AND-ed; the values of one repeatable filter are OR-ed.")
    @APIResponse(responseCode = "200", description = "One page of listings; the `Link` header holds first, prev, next and last.",
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, previous, next and last pages.",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or an invalid value; `errors` names each.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Page<ListingResponse>> searchListings(@BeanParam ListingSearchParams params, @Context UriInfo uriInfo) {
        return PageLinks.ok(search.search(search.parse(params)), uriInfo);
    }

    @GET
    @Path("feed")
    @Produces(ListingFeedWriter.MEDIA_TYPE)
    @Operation(operationId = "getListingFeed", summary = "Follow a search as an Atom feed",
            description = "The newest listings that a search finds, as an Atom 1.0 feed (RFC 4287): a saved search that a"
                    + " feed reader can follow. It takes the filters, `page` and `size` of `GET /api/listings` with the same"
                    + " validation, but is always ordered newest first: `sort` may only be `-postedAt` and `facets` is not a"
                    + " parameter, so a search URL asking for another order or for facets is rejected rather than changed."
                    + " Each entry's `id` and `related` link are the listing's URL in this API, its `alternate` link is"
                    + " where to apply, and its categories are the task type, pay tier and platform. The feed links to its"
                    + " first, previous, next and last pages (RFC 5005) and to the same search as JSON. Errors are"
                    + " problem details (`application/problem+json`) whatever the `Accept` header asks for.")
    @APIResponse(responseCode = "200", description = "One page of the newest listings found, as an Atom feed in UTF-8.",
            content = @Content(mediaType = ListingFeedWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            headers = @Header(name = "Link", description = "RFC 8288 links to the first, previous, next and last pages.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or an invalid value; `errors` names each.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The `Accept` header does not admit `application/atom+xml`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<String> getListingFeed(@BeanParam ListingFeedParams params, @Context UriInfo uriInfo) {
        Page<ListingResponse> page = search.search(search.parseFeed(params));
        List<Link> links = PageLinks.of(page, uriInfo);
        return RestResponse.ResponseBuilder
                .ok(ListingFeedWriter.write(page, uriInfo, links, TimestampedEntity.now()), ListingFeedWriter.CONTENT_TYPE)
                .links(links.toArray(Link[]::new))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getListing", summary = "Read a listing",
            description = "One listing with its own and its effective eligibility. Send the `ETag` back in"
                    + " `If-None-Match` to get 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The listing.",
            headers = @Header(name = "ETag", description = "The listing's current entity tag.",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the `If-None-Match` tag.")
    @APIResponse(responseCode = "404", description = "No listing has this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ListingResponse> getListing(
            @Parameter(description = "The listing's id.", example = "1042") @PathParam("id") String id,
            @Context Request request) {
        TaskListing listing = parseId(id).flatMap(TaskListing::findWithDetails)
                .orElseThrow(() -> ProblemException.notFound("No listing has the id '" + id + "'."));
        Instant now = TimestampedEntity.now();
        return EntityTags.conditionalGet(request, tagOf(listing, now), () -> ListingResponse.of(listing, now));
    }

    /** The ETag of a listing: its version, plus what it shows from its platform and tier and its effective status. */
    static jakarta.ws.rs.core.EntityTag tagOf(TaskListing listing, Instant now) {
        return EntityTags.of(listing.version, listing.platform.version, listing.payTier.version, listing.effectiveStatus(now));
    }

    private static java.util.Optional<Long> parseId(String id) {
        return id.matches("[0-9]{1,18}") ? java.util.Optional.of(Long.parseLong(id)) : java.util.Optional.empty();
    }
}
