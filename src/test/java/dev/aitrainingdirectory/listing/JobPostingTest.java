package dev.aitrainingdirectory.listing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A listing as Google for Jobs reads it: a schema.org JobPosting in JSON-LD with the properties Google
 * requires and recommends, checked as written and as a JSON-LD processor (Titanium) expands it against
 * the schema.org context kept in {@code src/test/resources/jsonld} (schema.org's published context, cut
 * to the terms a JobPosting uses here), so no test reaches the network.
 */
@QuarkusTest
class JobPostingTest {

    private static final String LD_JSON = "application/ld+json";
    private static final String SCHEMA = "http://schema.org/";

    /** Google's required properties for a remote job posting (jobLocation is replaced by the two remote ones). */
    private static final List<String> REQUIRED = List.of("title", "description", "datePosted", "hiringOrganization",
            "jobLocationType", "applicantLocationRequirements");
    /** Google's recommended properties. */
    private static final List<String> RECOMMENDED = List.of("validThrough", "baseSalary", "employmentType", "identifier",
            "directApply");

    @Inject
    DirectoryFixture fixture;

    @Test
    void aListingAsJsonLdHasEveryPropertyGoogleRequiresAndRecommends() {
        String platform = fixture.platform(DirectoryFixture.countries("IN", "PH", "KE"));
        long id = fixture.listing(platform).title("Rate answers in Tagalog")
                .description("Read two answers & pick the <better> one.\n\nPaid weekly.")
                .eligibility(DirectoryFixture.countries("PH", "IN")).hourly(12, 18)
                .expiresAt(Instant.parse("2099-01-01T00:00:00Z")).create();

        Response answer = given().accept(LD_JSON).get("/api/listings/" + id);
        answer.then().statusCode(200).contentType(LD_JSON).header("Vary", "Accept");
        JsonPath posting = answer.jsonPath();
        assertThat(posting.getMap("")).containsKeys(REQUIRED.toArray(String[]::new)).containsKeys(RECOMMENDED.toArray(String[]::new));
        assertThat(posting.getString("@context")).isEqualTo("https://schema.org/");
        assertThat(posting.getString("@type")).isEqualTo("JobPosting");
        assertThat(posting.getString("title")).isEqualTo("Rate answers in Tagalog");
        assertThat(posting.getString("description"))
                .isEqualTo("<p>Read two answers &amp; pick the &lt;better&gt; one.</p><p>Paid weekly.</p>");
        assertThat(posting.getString("validThrough")).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(posting.getString("hiringOrganization.name")).isEqualTo("Test platform");
        assertThat(posting.getString("hiringOrganization.sameAs")).isEqualTo("https://platform.example/" + platform);
        assertThat(posting.getString("jobLocationType")).isEqualTo("TELECOMMUTE");
        assertThat(posting.getList("applicantLocationRequirements.identifier")).containsExactly("IN", "PH");
        assertThat(posting.getList("applicantLocationRequirements.name")).containsExactly("India", "Philippines");
        assertThat(posting.getString("baseSalary.currency")).isEqualTo("USD");
        assertThat(posting.getDouble("baseSalary.value.minValue")).isEqualTo(12.0);
        assertThat(posting.getDouble("baseSalary.value.maxValue")).isEqualTo(18.0);
        assertThat(posting.getString("baseSalary.value.unitText")).isEqualTo("HOUR");
        assertThat(posting.getString("employmentType")).isEqualTo("CONTRACTOR");
        assertThat(posting.getString("identifier.value")).isNotBlank();
        assertThat(posting.getBoolean("directApply")).isFalse();
    }

    @Test
    void aJsonLdProcessorReadsEveryPropertyAsSchemaOrgs() throws JsonLdError {
        String platform = fixture.platform(DirectoryFixture.excluding("US"));
        long id = fixture.listing(platform).hourly(20, 30).expiresAt(Instant.parse("2099-01-01T00:00:00Z")).create();
        String json = given().accept(LD_JSON).get("/api/listings/" + id).then().statusCode(200).extract().asString();

        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(json))).loader(JobPostingTest::localSchemaOrg).get();

        assertThat(expanded).hasSize(1);
        JsonObject posting = expanded.getJsonObject(0);
        assertThat(posting.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "JobPosting");
        Set<String> written = given().accept(LD_JSON).get("/api/listings/" + id).jsonPath().<String, Object>getMap("").keySet().stream()
                .filter(key -> !key.startsWith("@")).map(key -> SCHEMA + key).collect(Collectors.toSet());
        assertThat(posting.keySet().stream().filter(key -> !key.startsWith("@")).collect(Collectors.toSet()))
                .as("no property is dropped or renamed by expansion").isEqualTo(written);
        JsonObject datePosted = posting.getJsonArray(SCHEMA + "datePosted").getJsonObject(0);
        assertThat(datePosted.getString("@type")).isEqualTo(SCHEMA + "Date");
        JsonObject salary = posting.getJsonArray(SCHEMA + "baseSalary").getJsonObject(0);
        JsonObject value = salary.getJsonArray(SCHEMA + "value").getJsonObject(0);
        assertThat(value.getJsonArray("@type").getString(0)).isEqualTo(SCHEMA + "QuantitativeValue");
        assertThat(value.getJsonArray(SCHEMA + "unitText").getJsonObject(0).getString("@value")).isEqualTo("HOUR");
        JsonObject organization = posting.getJsonArray(SCHEMA + "hiringOrganization").getJsonObject(0);
        assertThat(organization.getJsonArray(SCHEMA + "sameAs").getJsonObject(0).getString("@id"))
                .isEqualTo("https://platform.example/" + platform);
        List<String> countries = posting.getJsonArray(SCHEMA + "applicantLocationRequirements").stream()
                .map(JsonValue::asJsonObject)
                .map(country -> country.getJsonArray(SCHEMA + "identifier").getJsonObject(0).getString("@value")).toList();
        assertThat(countries).as("a worldwide listing may be applied for from every country but the excluded one")
                .hasSize(IsoCodes.countries().size() - 1).doesNotContain("US").contains("IN", "BR");
    }

    @Test
    void eachRepresentationHasItsOwnETagAndRevalidates() {
        long id = fixture.listing(fixture.platform(DirectoryFixture.worldwide())).create();
        String jsonTag = given().accept("application/json").get("/api/listings/" + id).then().statusCode(200)
                .contentType("application/json").extract().header("ETag");
        String ldTag = given().accept(LD_JSON).get("/api/listings/" + id).then().statusCode(200).extract().header("ETag");

        assertThat(ldTag).isNotEqualTo(jsonTag);
        given().accept(LD_JSON).header("If-None-Match", ldTag).get("/api/listings/" + id).then().statusCode(304);
        given().accept(LD_JSON).header("If-None-Match", jsonTag).get("/api/listings/" + id).then().statusCode(200)
                .contentType(LD_JSON);
        given().get("/api/listings/" + id).then().statusCode(200).contentType("application/json");
        given().accept("text/html").get("/api/listings/" + id).then().statusCode(406);
        given().header("Accept", "").get("/api/listings/" + id).then().statusCode(200).contentType("application/json");
        given().header("Accept", "nonsense").get("/api/listings/" + id).then().statusCode(200).contentType("application/json");
        given().header("Accept", "nonsense, application/ld+json").get("/api/listings/" + id).then().statusCode(200)
                .contentType(LD_JSON);
        given().accept(LD_JSON).get("/api/listings/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aClosedListingIsValidOnlyUntilItClosed() {
        long id = fixture.listing(fixture.platform(DirectoryFixture.worldwide())).status(ListingStatus.CLOSED).create();
        JsonPath posting = given().accept(LD_JSON).get("/api/listings/" + id).then().statusCode(200).extract().jsonPath();
        Instant validThrough = Instant.parse(posting.getString("validThrough"));

        assertThat(validThrough).isBefore(Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(posting.getMap("")).doesNotContainKey("baseSalary");
    }

    /** The schema.org context from the repository, for either spelling of its address; nothing else is loaded. */
    private static JsonDocument localSchemaOrg(java.net.URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions options)
            throws JsonLdError {
        if (!Set.of("https://schema.org/", "https://schema.org", "http://schema.org/").contains(url.toString())) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "No network in tests: " + url);
        }
        InputStream context = JobPostingTest.class.getResourceAsStream("/jsonld/schema.org.jsonld");
        return JsonDocument.of(context);
    }
}
