package dev.aitrainingdirectory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.client.api.ListingsApi;
import dev.aitrainingdirectory.client.model.Eligibility;
import dev.aitrainingdirectory.client.model.FacetCounts;
import dev.aitrainingdirectory.client.model.FacetValue;
import dev.aitrainingdirectory.client.model.JobPosting;
import dev.aitrainingdirectory.client.model.Listing;
import dev.aitrainingdirectory.client.model.ListingChange;
import dev.aitrainingdirectory.client.model.ListingChangesPage;
import dev.aitrainingdirectory.client.model.ListingFacet;
import dev.aitrainingdirectory.client.model.ListingImport;
import dev.aitrainingdirectory.client.model.ListingImportResult;
import dev.aitrainingdirectory.client.model.ListingPatch;
import dev.aitrainingdirectory.client.model.ListingStatus;
import dev.aitrainingdirectory.client.model.ListingWrite;
import dev.aitrainingdirectory.client.model.PageListingResponse;
import dev.aitrainingdirectory.client.model.PayUnit;
import dev.aitrainingdirectory.client.model.PayWrite;
import dev.aitrainingdirectory.client.model.Problem;
import dev.aitrainingdirectory.client.model.TaskType;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The partner scenario with the Java client that openapi-generator made from the committed document, against
 * the packaged service (run.sh starts it with a fresh database and sets DIRECTORY_URL, CURATOR_KEY and
 * PARTNER_KEY). The client reads every answer strictly: a property the document does not declare fails the
 * step, so the document cannot fall behind what the service sends.
 *
 * <p>The steps run in the order written: the ones that read the example data come before the ones that
 * write, so that a count read twice is not moved by a write in between.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerScenarioTest {

    private static final String BASE_URL = requiredEnv("DIRECTORY_URL");
    private static final ObjectMapper STRICT_JSON = ApiClient.createDefaultObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final List<ListingStatus> EVERY_STATUS = List.of(ListingStatus.OPEN, ListingStatus.PAUSED, ListingStatus.CLOSED);

    private final ApiClient anonymous = client(null);
    private final ListingsApi listings = new ListingsApi(anonymous);
    private final ListingsApi asPartner = new ListingsApi(client(requiredEnv("PARTNER_KEY")));
    private final ListingsApi asCurator = new ListingsApi(client(requiredEnv("CURATOR_KEY")));

    @Test
    @Order(1)
    void searchesWithFiltersASortAndEveryFacet() throws Exception {
        ApiResponse<PageListingResponse> answer = listings.searchListingsWithHttpInfo(search()
                .country("IN").speaks(List.of("en", "es")).status(List.of(ListingStatus.OPEN))
                .sort("-pay").facets(List.of(ListingFacet.values())).build());

        PageListingResponse page = answer.getData();
        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(page.getTotalItems()).as("open listings for a contributor in India").isPositive();
        assertThat(links(answer.getHeaders())).containsKey("first");
        for (Listing listing : page.getItems()) {
            assertThat(listing.getStatus()).isEqualTo(ListingStatus.OPEN);
            Eligibility rules = listing.getEffectiveEligibility();
            assertThat(rules.getCountries().isEmpty() || rules.getCountries().contains("IN"))
                    .as("listing %s admits a contributor in India", listing.getId()).isTrue();
            assertThat(rules.getExcludedCountries()).doesNotContain("IN");
            assertThat(rules.getLanguages()).isSubsetOf("en", "es");
        }
        List<BigDecimal> most = page.getItems().stream()
                .filter(listing -> listing.getPay() != null && listing.getPay().getHourlyUsd() != null)
                .map(listing -> listing.getPay().getHourlyUsd().getMax())
                .toList();
        assertThat(most).as("sorted by the most an hour pays, highest first").isSortedAccordingTo((a, b) -> b.compareTo(a));

        FacetCounts facets = page.getFacets();
        assertThat(facets).as("facets were asked for").isNotNull();
        for (List<FacetValue> counted : List.of(facets.getPlatform(), facets.getTier(), facets.getTaskType(),
                facets.getCountry(), facets.getLanguage(), facets.getStatus())) {
            assertThat(counted).isNotEmpty().allSatisfy(value -> assertThat(value.getCount()).isPositive());
        }
        assertThat(facets.getPay()).hasSize(6);
        assertThat(facets.getStatus()).as("the status facet leaves out its own filter")
                .anySatisfy(value -> assertThat(value.getValue()).isNotEqualTo("OPEN"));
    }

    @Test
    @Order(2)
    void pagesThroughASearchByItsLinkHeader() throws Exception {
        ApiResponse<PageListingResponse> answer = listings.searchListingsWithHttpInfo(search()
                .status(EVERY_STATUS).sort("title").size(7).build());
        long totalItems = answer.getData().getTotalItems();
        Set<Long> seen = new HashSet<>();
        int pages = 0;
        while (true) {
            pages++;
            PageListingResponse page = answer.getData();
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(7);
            for (Listing listing : page.getItems()) {
                assertThat(seen.add(listing.getId())).as("listing %s is on one page only", listing.getId()).isTrue();
            }
            Optional<URI> next = Optional.ofNullable(links(answer.getHeaders()).get("next"));
            assertThat(next.isPresent()).as("page %s links to a next page only when there is one", page.getPage())
                    .isEqualTo(page.getPage() < page.getTotalPages() - 1);
            if (next.isEmpty()) {
                break;
            }
            answer = get(next.get(), PageListingResponse.class);
        }
        assertThat(pages).as("the example data fills more than one page of 7").isGreaterThan(1);
        assertThat(seen).as("following the links finds every listing exactly once").hasSize((int) totalItems);
    }

    @Test
    @Order(3)
    void revalidatesAListingAndASearchWithIfNoneMatch() throws Exception {
        Listing any = anyOpenListing();
        ApiResponse<Listing> first = listings.getListingWithHttpInfo(String.valueOf(any.getId()), null);
        String etag = header(first.getHeaders(), "etag");
        assertThat(first.getData().getId()).isEqualTo(any.getId());

        ApiException unchanged = thrownBy(() -> listings.getListing(String.valueOf(any.getId()), etag));
        assertThat(unchanged.getCode()).isEqualTo(304);
        assertThat(unchanged.getResponseHeaders().firstValue("etag")).contains(etag);

        ApiResponse<PageListingResponse> search = listings.searchListingsWithHttpInfo(search().country("PH").build());
        String searchTag = header(search.getHeaders(), "etag");
        ApiException searchUnchanged = thrownBy(() -> listings.searchListings(search().country("PH").ifNoneMatch(searchTag).build()));
        assertThat(searchUnchanged.getCode()).isEqualTo(304);
    }

    @Test
    @Order(4)
    void readsAListingAsASchemaOrgJobPosting() throws Exception {
        // The generated getListing types only the first representation (Listing); the JSON-LD one is read
        // with the client's own HTTP client and mapper, into the JobPosting model generated from the same document.
        Listing any = anyOpenListing();
        URI uri = URI.create(BASE_URL + "/api/listings/" + any.getId());
        HttpResponse<String> answer = anonymous.getHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "application/ld+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/ld+json"));
        JobPosting posting = STRICT_JSON.readValue(answer.body(), JobPosting.class);
        assertThat(posting.getTitle()).isEqualTo(any.getTitle());
        assertThat(posting.getHiringOrganization().getName()).isEqualTo(any.getPlatform().getName());
        assertThat(posting.getApplicantLocationRequirements()).isNotEmpty();

        String jsonTag = header(listings.getListingWithHttpInfo(String.valueOf(any.getId()), null).getHeaders(), "etag");
        assertThat(answer.headers().firstValue("etag")).as("each representation has its own ETag").isPresent().get().isNotEqualTo(jsonTag);
    }

    @Test
    @Order(5)
    void followsTheChangesFeedToItsEnd() throws Exception {
        Map<Long, Boolean> deletedById = new java.util.HashMap<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            ListingChangesPage page = listings.listListingChanges(cursor, 25);
            if (page.getItems().isEmpty()) {
                assertThat(page.getNextCursor()).as("the end of the feed keeps its cursor for the next poll").isEqualTo(cursor);
                break;
            }
            pages++;
            for (ListingChange change : page.getItems()) {
                deletedById.put(change.getId(), change.getDeleted());
            }
            cursor = page.getNextCursor();
        }
        long held = deletedById.values().stream().filter(deleted -> !deleted).count();
        long total = listings.searchListings(search().status(EVERY_STATUS).size(1).build()).getTotalItems();
        assertThat(pages).isGreaterThan(1);
        assertThat(held).as("the changes feed holds every listing").isEqualTo(total);
    }

    @Test
    @Order(6)
    void createsUpdatesAndDeletesAListingWithTheCuratorKey() throws Exception {
        ListingWrite body = newListing("Rate chatbot answers in Spanish (Java client)");

        assertThat(thrownBy(() -> listings.createListing(body)).getCode()).isEqualTo(401);
        assertThat(problem(thrownBy(() -> asPartner.createListing(body))).getStatus()).isEqualTo(403);
        Problem invalid = problem(thrownBy(() -> asCurator.createListing(newListing("").applyUrl(URI.create("https://elsewhere.example/")))));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getErrors()).extracting(error -> error.getField()).contains("title", "applyUrl");

        ApiResponse<Listing> created = asCurator.createListingWithHttpInfo(body);
        assertThat(created.getStatusCode()).isEqualTo(201);
        String id = String.valueOf(created.getData().getId());
        assertThat(header(created.getHeaders(), "location")).endsWith("/api/listings/" + id);
        String createdTag = header(created.getHeaders(), "etag");
        assertThat(problem(thrownBy(() -> asCurator.createListing(body))).getStatus()).as("the same platform and external id").isEqualTo(409);

        ApiResponse<Listing> patched = asCurator.updateListingWithHttpInfo(createdTag, id, new ListingPatch()
                .status(ListingStatus.PAUSED).pay(pay(20, 28)));
        assertThat(patched.getData().getStatus()).isEqualTo(ListingStatus.PAUSED);
        assertThat(patched.getData().getPay().getMax()).isEqualByComparingTo("28");
        assertThat(patched.getData().getTitle()).as("a merge patch keeps what it leaves out").isEqualTo(body.getTitle());
        String patchedTag = header(patched.getHeaders(), "etag");
        assertThat(patchedTag).isNotEqualTo(createdTag);

        Problem stale = problem(thrownBy(() -> asCurator.replaceListing(createdTag, id, body)));
        assertThat(stale.getStatus()).as("a replace with the ETag from before the patch").isEqualTo(412);

        ApiResponse<Listing> replaced = asCurator.replaceListingWithHttpInfo(patchedTag, id, newListing(body.getTitle() + ", replaced")
                .externalId(body.getExternalId()));
        assertThat(replaced.getData().getPay().getMax()).as("a replace writes every field again").isEqualByComparingTo("25");
        assertThat(replaced.getData().getStatus()).isEqualTo(ListingStatus.OPEN);
        String replacedTag = header(replaced.getHeaders(), "etag");

        assertThat(problem(thrownBy(() -> asCurator.deleteListing(patchedTag, id))).getStatus()).isEqualTo(412);
        assertThat(asCurator.deleteListingWithHttpInfo(replacedTag, id).getStatusCode()).isEqualTo(204);
        assertThat(problem(thrownBy(() -> listings.getListing(id, null))).getStatus()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void importsListingsAndImportsTheSameRowsAgainAsUnchanged() throws Exception {
        ListingWrite first = newListing("Grade calculus proofs (Java import)");
        ListingWrite second = newListing("Review Python code answers (Java import)");
        ListingImport rows = new ListingImport().listings(List.of(first, second));

        assertThat(problem(thrownBy(() -> asPartner.importListings(rows))).getStatus()).isEqualTo(403);
        assertThat(asCurator.importListings(rows)).isEqualTo(new ListingImportResult().created(2).updated(0).unchanged(0));
        assertThat(asCurator.importListings(rows)).as("an import can be repeated")
                .isEqualTo(new ListingImportResult().created(0).updated(0).unchanged(2));

        ListingWrite retitled = newListing("Grade calculus proofs, paid per proof (Java import)").externalId(first.getExternalId());
        assertThat(asCurator.importListings(new ListingImport().listings(List.of(retitled, second))))
                .isEqualTo(new ListingImportResult().created(0).updated(1).unchanged(1));

        Problem refused = problem(thrownBy(() -> asCurator.importListings(new ListingImport()
                .listings(List.of(newListing("Rows are all or nothing (Java import)"), newListing("").taskType(null))))));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getErrors()).extracting(error -> error.getField()).allSatisfy(field -> assertThat(field).startsWith("listings[1]."));
    }

    private static ListingWrite newListing(String title) {
        return new ListingWrite()
                .platform("outlier").externalId("java-" + UUID.randomUUID()).title(title)
                .description("Written by the Java client scenario.").taskType(TaskType.RESPONSE_RATING)
                .payTier("languages").pay(pay(18, 25))
                .eligibility(new Eligibility().countries(List.of("ES", "MX")).excludedCountries(List.of())
                        .languages(List.of("es")).credentials(List.of()))
                .status(ListingStatus.OPEN).applyUrl(URI.create("https://outlier.ai/"))
                .postedAt(OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    }

    private static PayWrite pay(int min, int max) {
        return new PayWrite().min(BigDecimal.valueOf(min)).max(BigDecimal.valueOf(max)).currency("USD").unit(PayUnit.HOUR);
    }

    private Listing anyOpenListing() throws ApiException {
        List<Listing> items = listings.searchListings(search().size(1).build()).getItems();
        assertThat(items).as("an open listing in the example data").isNotEmpty();
        return items.getFirst();
    }

    /** A listing search, built with the request builder the generator makes for each operation. */
    private static ListingsApi.APISearchListingsRequest.Builder search() {
        return ListingsApi.APISearchListingsRequest.newBuilder();
    }

    /** GETs a URL the service linked to, as the client would, and reads the answer strictly. */
    private <T> ApiResponse<T> get(URI uri, Class<T> type) throws IOException, InterruptedException {
        HttpResponse<String> answer = anonymous.getHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s", uri).isEqualTo(200);
        return new ApiResponse<>(answer.statusCode(), answer.headers().map(), STRICT_JSON.readValue(answer.body(), type));
    }

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");

    /** The RFC 8288 links of an answer by relation, resolved against the service's address. */
    private static Map<String, URI> links(Map<String, List<String>> headers) {
        Map<String, URI> links = new java.util.HashMap<>();
        for (String value : headers.getOrDefault("link", List.of())) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                links.put(link.group(2), URI.create(BASE_URL + "/").resolve(link.group(1)));
            }
        }
        return links;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        List<String> values = headers.getOrDefault(name, List.of());
        assertThat(values).as("the %s header", name).hasSize(1);
        return values.getFirst();
    }

    private static Problem problem(ApiException refusal) throws IOException {
        assertThat(refusal.getResponseHeaders().firstValue("content-type")).as("answer %s", refusal.getCode())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = STRICT_JSON.readValue(refusal.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(refusal.getCode());
        return problem;
    }

    private static ApiException thrownBy(Call call) {
        try {
            call.run();
        } catch (ApiException refusal) {
            return refusal;
        } catch (Exception other) {
            throw new AssertionError("expected an answer other than 2xx, got " + other, other);
        }
        return fail("expected an answer other than 2xx");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), STRICT_JSON, BASE_URL);
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        return client;
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + name + ": run client-java/run.sh, which starts the packaged service");
        }
        return value;
    }
}
