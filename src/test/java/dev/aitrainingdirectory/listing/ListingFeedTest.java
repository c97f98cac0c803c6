package dev.aitrainingdirectory.listing;

import static dev.aitrainingdirectory.support.Api.listingIds;
import static dev.aitrainingdirectory.support.DirectoryFixture.countries;
import static dev.aitrainingdirectory.support.DirectoryFixture.excluding;
import static dev.aitrainingdirectory.support.DirectoryFixture.worldwide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.aitrainingdirectory.platform.TaskType;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

@QuarkusTest
class ListingFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String FEED = "/api/listings/feed";

    @Inject
    DirectoryFixture fixture;

    @Test
    void theFeedOfASearchHoldsExactlyWhatTheSearchFindsNewestFirst() {
        String platform = fixture.platform(worldwide());
        long oldest = fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).postedAt("2026-11-01T00:00:00Z").create();
        long newest = fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).postedAt("2026-11-25T00:00:00Z").create();
        long middle = fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).eligibility(countries("IN", "US"))
                .postedAt("2026-11-10T00:00:00Z").create();
        fixture.listing(platform).taskType(TaskType.RED_TEAMING).postedAt("2026-11-20T00:00:00Z").create();
        fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).eligibility(excluding("IN")).create();
        fixture.listing(platform).taskType(TaskType.RESPONSE_RATING).status(ListingStatus.CLOSED).create();
        Map<String, String> search = Map.of("platform", platform, "taskType", "RESPONSE_RATING", "country", "IN");

        List<Long> feedIds = entryIds(feed(search));

        assertThat(feedIds).containsExactly(newest, middle, oldest);
        assertThat(feedIds).containsExactlyElementsOf(listingIds(search));
    }

    @Test
    void theFeedPagesLikeTheSearchAndLinksItsPages() {
        String platform = fixture.platform(worldwide());
        long first = fixture.listing(platform).postedAt("2026-11-03T00:00:00Z").create();
        long second = fixture.listing(platform).postedAt("2026-11-02T00:00:00Z").create();
        long third = fixture.listing(platform).postedAt("2026-11-01T00:00:00Z").create();

        Document firstPage = feed(Map.of("platform", platform, "size", "2"));
        Document secondPage = feed(Map.of("platform", platform, "size", "2", "page", "1"));

        assertThat(entryIds(firstPage)).containsExactly(first, second);
        assertThat(entryIds(secondPage)).containsExactly(third);
        assertThat(linkHref(firstPage.getDocumentElement(), "next")).contains("page=1").contains("platform=" + platform);
        assertThat(linkHref(secondPage.getDocumentElement(), "previous")).contains("page=0");
    }

    @Test
    void theFeedIsAtomWithEveryRequiredElement() {
        String platform = fixture.platform(worldwide());
        long paid = fixture.listing(platform).title("Rate answers").tier("coding").taskType(TaskType.CODE_EVALUATION)
                .hourly(30, 55).postedAt("2026-11-05T08:30:00Z").create();
        long unpaid = fixture.listing(platform).postedAt("2026-11-04T00:00:00Z").create();
        JsonPath listing = given().when().get("/api/listings/" + paid).then().statusCode(200).extract().jsonPath();
        Instant newestUpdate = List.of(paid, unpaid).stream()
                .map(id -> Instant.parse(given().get("/api/listings/" + id).then().extract().path("updatedAt")))
                .max(Instant::compareTo).orElseThrow();

        Response response = given().accept("application/atom+xml").queryParam("platform", platform)
                .when().get(FEED)
                .then().statusCode(200).extract().response();

        assertThat(response.contentType()).isEqualToIgnoringCase("application/atom+xml;charset=UTF-8");
        Element feed = parse(response.asByteArray()).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "id")).endsWith(FEED + "?platform=" + platform).startsWith("http");
        assertThat(text(feed, "title")).contains("platform=" + platform);
        assertThat(OffsetDateTime.parse(text(feed, "updated")).toInstant()).isEqualTo(newestUpdate);
        assertThat(text(child(feed, "author"), "name")).isNotBlank();
        assertThat(linkHref(feed, "self")).isEqualTo(text(feed, "id"));
        assertThat(linkHref(feed, "alternate")).endsWith("/api/listings?platform=" + platform);

        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(2);
        Element entry = entries.get(0);
        assertThat(text(entry, "id")).startsWith("http").endsWith("/api/listings/" + paid);
        assertThat(text(entry, "title")).isEqualTo("Rate answers");
        assertThat(OffsetDateTime.parse(text(entry, "updated")).toInstant())
                .isEqualTo(Instant.parse(listing.getString("updatedAt")));
        assertThat(text(entry, "published")).isEqualTo("2026-11-05T08:30:00Z");
        assertThat(text(entry, "summary")).contains(listing.getString("description"))
                .contains("Test platform").contains("30–55 USD per hour").contains("worldwide");
        assertThat(linkHref(entry, "alternate")).isEqualTo(listing.getString("applyUrl"));
        assertThat(linkHref(entry, "related")).isEqualTo(text(entry, "id"));
        assertThat(children(entry, "category")).extracting(category -> category.getAttribute("term"))
                .containsExactlyInAnyOrder("CODE_EVALUATION", "coding", platform);
        for (Element each : entries) {
            for (String required : List.of("id", "title", "updated", "published", "summary")) {
                assertThat(text(each, required)).as(required).isNotBlank();
            }
        }
        assertThat(text(entries.get(1), "summary")).contains("Pay: not stated");
    }

    @Test
    void anEmptyFeedIsStillAValidFeed() {
        String platform = fixture.platform(worldwide());
        Instant before = Instant.now().minusSeconds(1);

        Element feed = feed(Map.of("platform", platform)).getDocumentElement();

        assertThat(children(feed, "entry")).isEmpty();
        assertThat(OffsetDateTime.parse(text(feed, "updated")).toInstant()).isAfter(before);
        assertThat(text(child(feed, "author"), "name")).isNotBlank();
    }

    @Test
    void specialCharactersAreEscapedAndCharactersXmlCannotCarryAreDropped() {
        String platform = fixture.platform(worldwide());
        String title = "Rate <b>answers</b> & \"quotes\" 'too' — 🤖 ünïcode";
        fixture.listing(platform).title(title).description("Bell \u0007 and <script>alert('x')</script> & more").create();

        byte[] body = given().accept("application/atom+xml").queryParam("platform", platform)
                .when().get(FEED).then().statusCode(200).extract().asByteArray();

        String raw = new String(body, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<b>").doesNotContain("<script>").doesNotContain("\u0007").contains("🤖");
        Element entry = children(parse(body).getDocumentElement(), "entry").get(0);
        assertThat(text(entry, "title")).isEqualTo(title);
        assertThat(text(entry, "summary")).startsWith("Bell  and <script>alert('x')</script> & more");
    }

    @Test
    void aBadFilterAnswersProblemDetailsEvenWhenOnlyAtomIsAccepted() {
        given().accept("application/atom+xml").queryParam("country", "XX").queryParam("size", "500")
                .when().get(FEED)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void anUnknownParameterIsRejected() {
        given().accept("application/atom+xml").queryParam("contry", "IN")
                .when().get(FEED)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("contry"));
    }

    @Test
    void theFeedIsAlwaysNewestFirstAndCountsNoFacets() {
        String platform = fixture.platform(worldwide());
        given().queryParam("platform", platform).queryParam("sort", "-postedAt")
                .when().get(FEED).then().statusCode(200);
        given().queryParam("platform", platform).queryParam("sort", "-pay")
                .when().get(FEED)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("platform", platform).queryParam("facets", "tier")
                .when().get(FEED)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("facets"))
                .body("errors[0].message", containsString("not a parameter of this operation"));
    }

    @Test
    void aClientThatAcceptsOnlyJsonGets406NotAListingCalledFeed() {
        given().accept("application/json")
                .when().get(FEED)
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", containsString("Accept"));
    }

    private static Document feed(Map<String, ?> query) {
        return parse(given().accept("application/atom+xml").queryParams(query)
                .when().get(FEED)
                .then().statusCode(200).extract().asByteArray());
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception unparsable) {
            throw new AssertionError("The feed is not well-formed XML", unparsable);
        }
    }

    /** The listing ids of the feed's entries, in feed order, read from each entry's id (the listing's API URL). */
    private static List<Long> entryIds(Document feed) {
        return children(feed.getDocumentElement(), "entry").stream()
                .map(entry -> text(entry, "id"))
                .map(id -> Long.parseLong(id.substring(id.lastIndexOf('/') + 1)))
                .toList();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    private static String linkHref(Element parent, String relation) {
        List<String> hrefs = children(parent, "link").stream()
                .filter(link -> relation.equals(link.getAttribute("rel")))
                .map(link -> link.getAttribute("href"))
                .toList();
        assertThat(hrefs).as("links with rel=%s", relation).hasSize(1);
        return hrefs.get(0);
    }
}
