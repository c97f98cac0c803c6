package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.platform.TaskType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes one page of listings as an Atom 1.0 feed (RFC 4287), the answer of {@code GET /api/listings/feed}. */
public final class ListingFeedWriter {

    public static final String MEDIA_TYPE = "application/atom+xml";
    /** What the feed is served as: Atom, encoded in UTF-8 as its XML declaration says. */
    public static final MediaType CONTENT_TYPE = new MediaType("application", "atom+xml", StandardCharsets.UTF_8.name());

    private static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
    private static final String AUTHOR = "AI training work directory";
    /** Query parameters that choose a page or an order rather than describe the search, left out of the title. */
    private static final Set<String> PAGE_AND_ORDER_PARAMETERS = Set.of("page", "size", "sort");

    private ListingFeedWriter() {
    }

    /**
     * The feed of {@code page}, identified by the request's URL. {@code pageLinks} are the page's
     * first, prev, next and last links; they become RFC 5005 paging links.
     */
    public static String write(Page<ListingResponse> page, UriInfo uriInfo, List<Link> pageLinks, Instant now) {
        URI requestUri = uriInfo.getRequestUri();
        Instant updated = page.items().stream().map(ListingResponse::updatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(now);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NAMESPACE);
            element(xml, "id", requestUri.toString());
            element(xml, "title", titleOf(uriInfo));
            element(xml, "updated", timestamp(updated));
            xml.writeStartElement("author");
            element(xml, "name", AUTHOR);
            xml.writeEndElement();
            link(xml, "self", requestUri.toString(), MEDIA_TYPE);
            link(xml, "alternate", listingsUri(uriInfo).replaceQuery(requestUri.getRawQuery()).build().toString(),
                    MediaType.APPLICATION_JSON);
            for (Link pageLink : pageLinks) {
                String relation = "prev".equals(pageLink.getRel()) ? "previous" : pageLink.getRel();
                link(xml, relation, pageLink.getUri().toString(), MEDIA_TYPE);
            }
            for (ListingResponse listing : page.items()) {
                entry(xml, listing, uriInfo);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException impossible) {
            throw new IllegalStateException("Writing XML to memory failed", impossible);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, ListingResponse listing, UriInfo uriInfo) throws XMLStreamException {
        String apiUri = listingsUri(uriInfo).path(Long.toString(listing.id())).build().toString();
        xml.writeStartElement("entry");
        element(xml, "id", apiUri);
        element(xml, "title", listing.title());
        element(xml, "updated", timestamp(listing.updatedAt()));
        element(xml, "published", timestamp(listing.postedAt()));
        element(xml, "summary", summaryOf(listing));
        link(xml, "alternate", listing.applyUrl(), MediaType.TEXT_HTML);
        link(xml, "related", apiUri, MediaType.APPLICATION_JSON);
        String searchUri = listingsUri(uriInfo).build().toString();
        category(xml, searchUri + "?taskType=", listing.taskType().name(), label(listing.taskType()));
        category(xml, searchUri + "?tier=", listing.payTier().slug(), listing.payTier().name());
        category(xml, searchUri + "?platform=", listing.platform().slug(), listing.platform().name());
        xml.writeEndElement();
    }

    /** The description, then what a reader decides on: platform, pay, who may apply, status. */
    private static String summaryOf(ListingResponse listing) {
        List<String> lines = new ArrayList<>();
        lines.add(listing.description());
        lines.add("");
        lines.add("Platform: " + listing.platform().name());
        lines.add("Task type: " + label(listing.taskType()));
        lines.add("Pay tier: " + listing.payTier().name());
        lines.add("Pay: " + payOf(listing.pay()));
        lines.add("Eligibility: " + eligibilityOf(listing.effectiveEligibility()));
        lines.add("Status: " + listing.status());
        if (listing.expiresAt() != null) {
            lines.add("Expires: " + timestamp(listing.expiresAt()));
        }
        return String.join("\n", lines);
    }

    private static String payOf(Pay pay) {
        if (pay == null) {
            return "not stated";
        }
        String given = range(pay.min(), pay.max()) + " " + pay.currency() + (pay.unit() == PayUnit.HOUR ? " per hour"
                : " per task" + (pay.minutesPerTask() == null ? "" : " of about " + amount(pay.minutesPerTask()) + " minutes"));
        HourlyUsd hourly = pay.hourlyUsd();
        if (hourly == null || hourly.basis() == PayBasis.PUBLISHED) {
            return given;
        }
        return given + " (" + (hourly.basis() == PayBasis.ESTIMATED ? "about " : "") + range(hourly.min(), hourly.max())
                + " USD per hour" + (hourly.rate() == null ? "" : " at " + amount(hourly.rate()) + " USD per " + pay.currency()
                + " as of " + hourly.rateAsOf()) + ")";
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return min.compareTo(max) == 0 ? amount(min) : amount(min) + "–" + amount(max);
    }

    private static String amount(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String eligibilityOf(EligibilityRules rules) {
        List<String> parts = new ArrayList<>();
        parts.add(rules.countries().isEmpty() ? "worldwide" : "in " + String.join(", ", rules.countries()));
        if (!rules.excludedCountries().isEmpty()) {
            parts.add("except " + String.join(", ", rules.excludedCountries()));
        }
        if (!rules.languages().isEmpty()) {
            parts.add("speaking " + String.join(", ", rules.languages()));
        }
        if (!rules.credentials().isEmpty()) {
            parts.add("holding " + String.join(", ", rules.credentials()));
        }
        return String.join("; ", parts);
    }

    /** Names the search, so that several saved searches can be told apart in a feed reader. */
    private static String titleOf(UriInfo uriInfo) {
        String filters = uriInfo.getQueryParameters().entrySet().stream()
                .filter(parameter -> !PAGE_AND_ORDER_PARAMETERS.contains(parameter.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(parameter -> parameter.getKey() + "=" + String.join(",", parameter.getValue()))
                .collect(Collectors.joining("; "));
        return "Newest AI-training listings" + (filters.isEmpty() ? "" : " (" + filters + ")");
    }

    private static String label(TaskType taskType) {
        String words = taskType.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static UriBuilder listingsUri(UriInfo uriInfo) {
        return uriInfo.getBaseUriBuilder().path(ListingResource.class);
    }

    /** RFC 3339, in UTC. */
    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(legalXml(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String relation, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", relation);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", legalXml(href));
    }

    private static void category(XMLStreamWriter xml, String scheme, String term, String label) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("scheme", legalXml(scheme));
        xml.writeAttribute("term", legalXml(term));
        xml.writeAttribute("label", legalXml(label));
    }

    /**
     * The text without the characters XML 1.0 cannot carry at all (most control characters, unpaired
     * surrogates, U+FFFE and U+FFFF); escaping cannot represent them, so they are dropped.
     */
    private static String legalXml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder legal = new StringBuilder(text.length());
        text.codePoints().filter(ListingFeedWriter::isLegalXmlCharacter).forEach(legal::appendCodePoint);
        return legal.toString();
    }

    private static boolean isLegalXmlCharacter(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }
}
