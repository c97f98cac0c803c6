package dev.aitrainingdirectory.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.http.Responses;
import dev.aitrainingdirectory.paging.ItemList;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageLinks;
import dev.aitrainingdirectory.params.ParameterReader;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.ProblemException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The task listings: search and its Atom feed, single listings, writes, bulk import and the changes feed. */
@Path("/api/listings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Listings", description = "Paid AI-training work on the platforms, open or once open.")
public class ListingResource {

    @Inject
    ListingSearch search;
    @Inject
    ListingFinder finder;
    @Inject
    ListingChangeLog changeLog;
    @Inject
    ListingService listings;
    @Inject
    CuratedWrites writes;
    @Inject
    ListingChanges changes;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    SearchCache searchCache;

    /** What {@code GET /api/listings/{id}} answers: the listing as JSON, or as a schema.org JobPosting. */
    private static final List<Variant> REPRESENTATIONS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf(JobPosting.MEDIA_TYPE)).build();

    /** The most completions {@code suggest} answers. */
    private static final int MAX_SUGGESTIONS = 10;

    @GET
    @PermitAll
    @Operation(operationId = "searchListings", summary = "Search listings",
            description = "Finds listings by eligibility (country, languages, credentials), platform, tier, task type,"
                    + " status, pay and text, in a stable order, one page at a time, with optional facet counts."
                    + " Filters are AND-ed; the values of one repeatable filter are OR-ed. `q` is read as words (case"
                    + " and accents folded, English stems matched), never as query syntax; with it, results are ordered"
                    + " by relevance (BM25) unless `sort` says otherwise. Every answer holds every write committed"
                    + " before it, through whichever instance of the service; send its `ETag` in `If-None-Match` to"
                    + " get 304 while it is unchanged.")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "200", description = "One page of listings; the `Link` header holds first, prev, next and last.",
            headers = {@Header(ref = "Link"), @Header(name = "ETag", ref = "SearchETag"),
                    @Header(name = "Cache-Control", ref = "SearchCacheControl")})
    @APIResponse(responseCode = "304", ref = "SearchNotModified")
    public RestResponse<Page<ListingResponse>> searchListings(@BeanParam ListingSearchParams params, @Context UriInfo uriInfo,
            @Context Request request) {
        long head = changeLog.head();
        SearchCache.Answer answer = searchCache.answer(head, uriInfo.getQueryParameters(), TimestampedEntity.now(), () -> {
            ListingFinder.Found found = finder.search(search.parse(params), head);
            Page<ListingResponse> page = found.page();
            return SearchCache.Answer.of(serialized(page), page.page(), page.totalPages(), found.stableUntil());
        });
        return Responses.cachedJson(request, answer.json(), answer.tag(), SearchCache.CACHE_CONTROL,
                PageLinks.of(answer.page(), answer.totalPages(), uriInfo));
    }

    @GET
    @Path("suggest")
    @PermitAll
    @Operation(operationId = "suggestListings", summary = "Complete a search box",
            description = "At most 10 completions of the text typed so far, among open listings: platform names,"
                    + " words of listings (those on most listings first) and titles (newest first). The text is read as"
                    + " words, the last one possibly unfinished; nothing in it is query syntax, and text without any word"
                    + " answers no suggestions.")
    @APIResponse(responseCode = "200", description = "The completions, best first; `items` is empty when there are none.")
    public ItemList<ListingSuggestion> suggestListings(
            @Parameter(description = "The text typed so far.", required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200, pattern = "\\S"), example = "cod")
            @QueryParam("q") List<String> q,
            @Parameter(description = "At most this many completions.", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "10", defaultValue = "10")) @QueryParam("limit") List<String> limit) {
        ParameterReader reader = new ParameterReader();
        String text = null;
        if (q == null || q.isEmpty()) {
            reader.reject("q", "is required: the text typed so far");
        } else {
            text = reader.text("q", q);
        }
        int most = reader.integer("limit", limit, MAX_SUGGESTIONS, 1, MAX_SUGGESTIONS);
        reader.requireValid();
        return new ItemList<>(text == null ? List.of() : finder.suggest(text, most, changeLog.head()));
    }

    @GET
    @Path("changes")
    @PermitAll
    @Operation(operationId = "listListingChanges", summary = "Follow changes to listings",
            description = "Every listing change in commit order, deletions as tombstones, each listing at most once (as"
                    + " it is now). Start without a cursor and follow `nextCursor` until `items` is empty: you then hold"
                    + " exactly the current listings, of any status, even while writes go on. Keep the last cursor and"
                    + " ask again later for what changed since.")
    @APIResponse(responseCode = "200", description = "The changes after the cursor; `items` is empty when there are none yet.")
    public ListingChangesPage listListingChanges(
            @Parameter(description = "Where to continue: the `nextCursor` of the previous page; absent to start from the beginning.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 18, pattern = "^[0-9]{1,18}$"), example = "1187")
            @QueryParam("cursor") List<String> cursor,
            @Parameter(description = "At most this many changes.", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") List<String> limit) {
        return changes.after(cursor, limit);
    }

    @GET
    @Path("feed")
    @PermitAll
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
            content = @Content(mediaType = ListingFeedWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    contentMediaType = ListingFeedWriter.MEDIA_TYPE, maxLength = 10_000_000, pattern = "<feed ")),
            headers = @Header(ref = "Link"))
    public RestResponse<String> getListingFeed(@BeanParam ListingFeedParams params, @Context UriInfo uriInfo) {
        Page<ListingResponse> page = finder.search(search.parseFeed(params), changeLog.head()).page();
        List<Link> links = PageLinks.of(page, uriInfo);
        return RestResponse.ResponseBuilder
                .ok(ListingFeedWriter.write(page, uriInfo, links, TimestampedEntity.now()), ListingFeedWriter.CONTENT_TYPE)
                .links(links.toArray(Link[]::new))
                .build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, JobPosting.MEDIA_TYPE})
    @Operation(operationId = "getListing", summary = "Read a listing",
            description = "One listing with its own and its effective eligibility. With `Accept: application/ld+json`, the"
                    + " listing as a schema.org `JobPosting` in JSON-LD instead, with the properties Google for Jobs requires"
                    + " and recommends, for a frontend to embed in the listing's page as a JSON-LD script element."
                    + " Each representation has its own `ETag`; send it back in `If-None-Match` to get 304 while it is unchanged.")
    @Parameter(ref = "IfNoneMatch")
    @APIResponse(responseCode = "200", description = "The listing.", headers = {@Header(ref = "ETag"),
            @Header(name = "Vary", description = "`Accept`: the representation depends on it.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "Accept"))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingResponse.class),
                    examples = @ExampleObject(name = "listing", summary = "An open listing paid by the hour",
                            value = ListingResponse.EXAMPLE)),
                    @Content(mediaType = JobPosting.MEDIA_TYPE, schema = @Schema(ref = "JobPosting"))})
    public RestResponse<Object> getListing(
            @Parameter(ref = "ListingId") @PathParam("id") String id,
            @Context Request request) {
        TaskListing listing = parseId(id).flatMap(TaskListing::findWithDetails).orElseThrow(() -> notFound(id));
        Instant now = TimestampedEntity.now();
        Variant chosen = request.selectVariant(REPRESENTATIONS);
        boolean jobPosting = chosen != null && chosen.getMediaType().isCompatible(JobPosting.CONTENT_TYPE);
        EntityTag tag = jobPosting ? EntityTags.of(listing.version, listing.platform.version, listing.payTier.version,
                listing.effectiveStatus(now), JobPosting.MEDIA_TYPE) : tagOf(listing, now);
        if (request.evaluatePreconditions(tag) != null) {
            return RestResponse.ResponseBuilder.notModified(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        Object body = jobPosting ? JobPosting.of(listing, now, objectMapper).toString() : ListingResponse.of(listing, now);
        return RestResponse.ResponseBuilder.ok(body, jobPosting ? JobPosting.CONTENT_TYPE : MediaType.APPLICATION_JSON_TYPE)
                .tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createListing", summary = "Create a listing",
            description = "Adds a listing to a platform. `platform` and `payTier` are slugs; `id`, `version` and"
                    + " timestamps are set by the service.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<ListingResponse> createListing(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListingRequest.class), examples = @ExampleObject(name = "listing",
                            summary = "A Spanish rating task paid by the hour", value = ListingRequest.EXAMPLE)))
            ListingRequest body, @Context UriInfo uriInfo) {
        TaskListing listing = writes.create(listings, body);
        return Responses.created(uriInfo.getBaseUriBuilder().path("api/listings/{id}").build(listing.id),
                tagOf(listing, TimestampedEntity.now()), ListingResponse.of(listing, TimestampedEntity.now()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceListing", summary = "Replace a listing",
            description = "Replaces every field of a listing. Needs `If-Match` with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Replaced.", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<ListingResponse> replaceListing(
            @Parameter(ref = "ListingId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListingRequest.class), examples = @ExampleObject(name = "listing",
                            summary = "Every field of the listing", value = ListingRequest.EXAMPLE)))
            ListingRequest body) {
        return written(writes.replace(listings, existingId(id), ifMatch, body));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "updateListing", summary = "Update part of a listing",
            description = "Applies a JSON merge patch (RFC 7396): fields given replace, `null` removes an optional field."
                    + " Needs `If-Match` with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<ListingResponse> updateListing(
            @Parameter(ref = "ListingId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "A JSON merge patch of the listing's writable fields.", required = true, content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(ref = "ListingPatch"),
                    examples = @ExampleObject(name = "pause", summary = "Pause the listing and raise its pay",
                            value = ListingRequest.PATCH_EXAMPLE))) byte[] patch) {
        long listingId = existingId(id);
        return written(writes.patch(listings, listingId, ifMatch, MergePatch.read(objectMapper, patch)));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteListing", summary = "Delete a listing",
            description = "Removes a listing; the changes feed carries a tombstone. Needs `If-Match` with the ETag"
                    + " last read. To keep a listing on record, set its status to CLOSED instead.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void deleteListing(
            @Parameter(ref = "ListingId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(listings, existingId(id), ifMatch);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importListings", summary = "Import listings",
            description = "Upserts up to 1000 listings by (`platform`, `externalId`), all or nothing: when any row is"
                    + " invalid the answer is 422 naming every bad row by index (`listings[3].title`) and nothing is"
                    + " written. A row equal to the stored listing counts as unchanged and changes nothing.")
    @APIResponse(responseCode = "200", description = "Imported.")
    public ListingImportResult importListings(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ListingImportRequest.class), examples = @ExampleObject(name = "one",
                            summary = "A batch of one listing", value = "{\"listings\": [" + ListingRequest.EXAMPLE + "]}")))
            ListingImportRequest body) {
        return listings.importListings(body == null ? null : body.listings());
    }

    /** The ETag of a listing: its version, plus what it shows from its platform and tier and its effective status. */
    static EntityTag tagOf(TaskListing listing, Instant now) {
        return EntityTags.of(listing.version, listing.platform.version, listing.payTier.version, listing.effectiveStatus(now));
    }

    private static RestResponse<ListingResponse> written(TaskListing listing) {
        Instant now = TimestampedEntity.now();
        return Responses.ok(tagOf(listing, now), ListingResponse.of(listing, now));
    }

    private static long existingId(String id) {
        return parseId(id).orElseThrow(() -> notFound(id));
    }

    private static Optional<Long> parseId(String id) {
        return id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No listing has the id '" + id + "'.");
    }

    private String serialized(Page<ListingResponse> page) {
        try {
            return objectMapper.writeValueAsString(page);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A page of listings is always serializable", impossible);
        }
    }
}
