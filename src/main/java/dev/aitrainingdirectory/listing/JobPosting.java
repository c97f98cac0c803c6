package dev.aitrainingdirectory.listing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.eligibility.IsoCodes;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A listing as a schema.org {@code JobPosting} in JSON-LD, with the properties Google for Jobs requires and
 * recommends: a frontend embeds it in the listing's page so that job search engines can show the listing.
 * The work is remote contracting, applied for on the platform's own site.
 */
final class JobPosting {

    static final String MEDIA_TYPE = "application/ld+json";
    static final MediaType CONTENT_TYPE = new MediaType("application", "ld+json", StandardCharsets.UTF_8.name());

    private JobPosting() {
    }

    static ObjectNode of(TaskListing listing, Instant now, ObjectMapper objectMapper) {
        ObjectNode posting = objectMapper.createObjectNode();
        posting.put("@context", "https://schema.org/");
        posting.put("@type", "JobPosting");
        posting.put("title", listing.title);
        posting.put("description", html(listing.description));
        posting.put("datePosted", listing.postedAt.toString());
        Instant validThrough = validThrough(listing, now);
        if (validThrough != null) {
            posting.put("validThrough", validThrough.toString());
        }
        posting.put("employmentType", "CONTRACTOR");
        ObjectNode organization = posting.putObject("hiringOrganization");
        organization.put("@type", "Organization");
        organization.put("name", listing.platform.name);
        organization.put("sameAs", listing.platform.websiteUrl);
        ObjectNode identifier = posting.putObject("identifier");
        identifier.put("@type", "PropertyValue");
        identifier.put("name", listing.platform.name);
        identifier.put("value", listing.externalId);
        posting.put("jobLocationType", "TELECOMMUTE");
        ArrayNode countries = posting.putArray("applicantLocationRequirements");
        for (String code : countries(listing.effectiveEligibility.toRules())) {
            ObjectNode country = countries.addObject();
            country.put("@type", "Country");
            country.put("name", IsoCodes.countries().get(code));
            country.put("identifier", code);
        }
        HourlyUsd hourly = listing.hourlyUsd();
        if (hourly != null) {
            ObjectNode salary = posting.putObject("baseSalary");
            salary.put("@type", "MonetaryAmount");
            salary.put("currency", "USD");
            ObjectNode value = salary.putObject("value");
            value.put("@type", "QuantitativeValue");
            value.put("minValue", hourly.min());
            value.put("maxValue", hourly.max());
            value.put("unitText", "HOUR");
        }
        posting.put("directApply", false);
        return posting;
    }

    /**
     * Until when it takes applications: its expiry; for a listing closed before its expiry (or without one),
     * the time it was last changed, so a search engine drops it.
     */
    private static Instant validThrough(TaskListing listing, Instant now) {
        if (listing.effectiveStatus(now) != ListingStatus.CLOSED) {
            return listing.expiresAt;
        }
        return listing.expiresAt != null && !listing.expiresAt.isAfter(now) ? listing.expiresAt : listing.updatedAt;
    }

    /** The effective countries a contributor may live in: those listed, or every country when none is; never an excluded one. */
    private static Collection<String> countries(EligibilityRules rules) {
        TreeSet<String> countries = new TreeSet<>(rules.countries().isEmpty() ? IsoCodes.countries().keySet() : rules.countries());
        rules.excludedCountries().forEach(countries::remove);
        return countries;
    }

    /** Plain text as the HTML that {@code description} holds: escaped, paragraphs at blank lines, line breaks kept. */
    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        StringBuilder html = new StringBuilder();
        for (String paragraph : escaped.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(paragraph.strip().replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.toString();
    }
}
