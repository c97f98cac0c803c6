package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.platform.PaymentMethod;
import dev.aitrainingdirectory.platform.TaskType;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that the listing search and the listing feed share: the filters and the page,
 * as received. Every one is a list so that a repeated single-valued parameter is noticed and rejected;
 * {@link ListingSearch} validates and parses them.
 */
public abstract class ListingFilterParams {

    @QueryParam("q")
    @Parameter(description = "Words that must all appear in the title or the description: case and accents are folded"
            + " and English word forms match (`rating` finds `rated`). Read as words only, never as query syntax; text"
            + " without a word (only punctuation) searches as if `q` were absent.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "\\S"), example = "rating english")
    public List<String> q;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code of the country the contributor lives in: keeps listings whose"
            + " effective eligibility (platform AND listing) admits it, worldwide ones included, exclusions respected.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Z]{2}$"), example = "IN")
    public List<String> country;

    @QueryParam("speaks")
    @Parameter(description = "ISO 639-1 codes of the languages the contributor speaks (repeatable or comma list):"
            + " keeps listings all of whose required languages are among them.", explode = Explode.TRUE,
            schema = @Schema(ref = "LanguageCodeFilter"), example = "[\"en\", \"es\"]")
    public List<String> speaks;

    @QueryParam("holds")
    @Parameter(description = "Slugs of the credentials the contributor holds (repeatable or comma list):"
            + " keeps listings all of whose required credentials are among them.", explode = Explode.TRUE,
            schema = @Schema(ref = "SlugFilter"), example = "[\"law-degree\"]")
    public List<String> holds;

    @QueryParam("language")
    @Parameter(description = "ISO 639-1 codes (repeatable or comma list): keeps listings that require one of these languages.",
            explode = Explode.TRUE, schema = @Schema(ref = "LanguageCodeFilter"), example = "[\"es\"]")
    public List<String> language;

    @QueryParam("platform")
    @Parameter(description = "Platform slugs (repeatable or comma list).", explode = Explode.TRUE,
            schema = @Schema(ref = "SlugFilter"), example = "[\"outlier\"]")
    public List<String> platform;

    @QueryParam("tier")
    @Parameter(description = "Pay tier slugs (repeatable or comma list).", explode = Explode.TRUE,
            schema = @Schema(ref = "SlugFilter"), example = "[\"coding\"]")
    public List<String> tier;

    @QueryParam("taskType")
    @Parameter(description = "Task types (repeatable or comma list).", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TaskType.class, maxItems = 50))
    public List<String> taskType;

    @QueryParam("status")
    @Parameter(description = "Statuses (repeatable or comma list); OPEN when absent. A listing past its `expiresAt` is CLOSED.",
            explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, implementation = ListingStatus.class,
                    defaultValue = "[\"OPEN\"]", maxItems = 3))
    public List<String> status;

    @QueryParam("minPay")
    @Parameter(description = "Hourly USD: keeps listings whose `pay.hourlyUsd.max` is at least this (with `country`, that of"
            + " the listing's range for the country, where it has one).",
            schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100000"), example = "30")
    public List<String> minPay;

    @QueryParam("maxPay")
    @Parameter(description = "Hourly USD: keeps listings whose `pay.hourlyUsd.min` is at most this (with `country`, that of"
            + " the listing's range for the country, where it has one).",
            schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100000"), example = "60")
    public List<String> maxPay;

    @QueryParam("includeUnknownPay")
    @Parameter(description = "With `minPay`, `maxPay` or `payBasis`, also keep listings whose hourly pay cannot be known"
            + " (no `pay.hourlyUsd`: no pay given, or per task without `minutesPerTask`).",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public List<String> includeUnknownPay;

    @QueryParam("payBasis")
    @Parameter(description = "How the hourly pay was derived (repeatable or comma list): keeps listings whose"
            + " `pay.hourlyUsd.basis` is one of these, e.g. `PUBLISHED,CONVERTED` to leave out estimates from per-task pay.",
            explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, implementation = PayBasis.class, maxItems = 3))
    public List<String> payBasis;

    @QueryParam("hiring")
    @Parameter(description = "Keeps listings whose platform's hiring status is one of these (repeatable or comma list);"
            + " with `country`, its status in that country. `hiring=OPEN` leaves out platforms that keep applicants waiting.",
            explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, implementation = HiringStatus.class, maxItems = 3),
            example = "[\"OPEN\"]")
    public List<String> hiring;

    @QueryParam("paymentMethod")
    @Parameter(description = "Keeps listings whose platform pays by one of these methods (repeatable or comma list); with"
            + " `country`, by one it offers in that country.", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentMethod.class, maxItems = 3), example = "[\"PAYPAL\"]")
    public List<String> paymentMethod;

    @QueryParam("assessmentPaid")
    @Parameter(description = "true: keeps listings whose platform asks for no unpaid assessment time (none required, or a"
            + " paid one); false: those whose platform's required assessment is unpaid. Platforms that do not say whether"
            + " theirs is paid are kept by neither.", schema = @Schema(type = SchemaType.BOOLEAN))
    public List<String> assessmentPaid;

    @QueryParam("maxAssessmentMinutes")
    @Parameter(description = "Keeps listings whose platform's entry assessment takes at most this many minutes, or that"
            + " requires none; platforms that do not say how long theirs takes are left out.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1440"), example = "60")
    public List<String> maxAssessmentMinutes;

    @QueryParam("monitoring")
    @Parameter(description = "false: keeps listings whose platform needs no monitoring or time-tracking software; true:"
            + " those whose platform does.", schema = @Schema(type = SchemaType.BOOLEAN))
    public List<String> monitoring;

    @QueryParam("postedAfter")
    @Parameter(description = "Keeps listings posted strictly after this ISO-8601 timestamp.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35), example = "2026-11-01T00:00:00Z")
    public List<String> postedAfter;

    @QueryParam("updatedAfter")
    @Parameter(description = "Keeps listings changed strictly after this ISO-8601 timestamp.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35), example = "2026-11-20T00:00:00Z")
    public List<String> updatedAfter;

    @QueryParam("page")
    @Parameter(description = "The page, from 0.", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
            maximum = "21474836", defaultValue = "0"))
    public List<String> page;

    @QueryParam("size")
    @Parameter(description = "Listings per page.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    public List<String> size;
}
