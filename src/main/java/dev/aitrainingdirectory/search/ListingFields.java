package dev.aitrainingdirectory.search;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.listing.HourlyUsd;
import dev.aitrainingdirectory.listing.ListingRequest;
import dev.aitrainingdirectory.listing.TaskListing;
import dev.aitrainingdirectory.platform.Assessment;
import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.platform.PaymentCountry;
import dev.aitrainingdirectory.platform.PaymentMethod;
import dev.aitrainingdirectory.platform.Platform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The fields of a listing in the index: one Lucene document per listing, holding what searches filter,
 * sort and count on, and the listing's answer as JSON, so a page is read from the index alone. Times
 * are epoch microseconds (the precision the database keeps), money whole cents of hourly USD.
 */
final class ListingFields {

    /**
     * The layout's version. An index written with another one is rebuilt, not read: change it with any
     * change to the fields below or to the listing's JSON.
     */
    static final String LAYOUT = "3";

    static final String ID = "id";
    /** The id as a term: what an update or a delete names. */
    static final String ID_TERM = "idTerm";
    static final String PLATFORM = "platform";
    static final String PLATFORM_NAME = "platformName";
    static final String TIER = "tier";
    static final String TASK_TYPE = "taskType";
    /** The status curators set; with {@link #EXPIRES_AT}, the status clients see at any time. */
    static final String STATUS = "status";
    static final String EXPIRES_AT = "expiresAt";
    static final String POSTED_AT = "postedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String HOURLY_MIN = "hourlyMin";
    static final String HOURLY_MAX = "hourlyMax";
    /** "true" on listings whose hourly USD pay is known. */
    static final String PAY_KNOWN = "payKnown";
    /** How the hourly USD pay was derived ({@code PayBasis}), on listings whose hourly pay is known. */
    static final String PAY_BASIS = "payBasis";
    /** The countries a listing has a range by country for (with a known hourly figure); see {@link #hourlyMax(String)}. */
    static final String PAY_COUNTRY = "payCountry";
    /** The effective rules: countries listed (none: {@link #WORLDWIDE}), excluded, languages and credentials required. */
    static final String COUNTRY = "country";
    static final String EXCLUDED_COUNTRY = "excludedCountry";
    static final String WORLDWIDE = "worldwide";
    static final String LANGUAGE = "language";
    static final String CREDENTIAL = "credential";
    /** The platform's overall hiring status. */
    static final String HIRING = "hiring";
    /** The countries with a hiring status of their own, and each as {@code country:status}. */
    static final String HIRING_COUNTRY = "hiringCountry";
    static final String HIRING_IN = "hiringIn";
    /** Stored: the countries' own hiring statuses as {@code IN=WAITLIST,PH=PAUSED}, what a search by country shows. */
    static final String HIRING_BY_COUNTRY = "hiringByCountry";
    /** Every payment method of the platform; those offered everywhere; and the others as {@code method:country}. */
    static final String PAY_METHOD = "payMethod";
    static final String PAY_METHOD_EVERYWHERE = "payMethodEverywhere";
    static final String PAY_METHOD_IN = "payMethodIn";
    /** The entry assessment: {@code NONE}, {@code PAID}, {@code UNPAID} or {@code UNKNOWN} (paid or not unknown). */
    static final String ASSESSMENT = "assessment";
    /** The minutes a required assessment takes, where known. */
    static final String ASSESSMENT_MINUTES = "assessmentMinutes";
    static final String MONITORING = "monitoring";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    /** The title's sort key, as {@code sort=title} orders. */
    static final String TITLE_KEY = "titleKey";
    /** Whole words of the title, and of title and description: what suggestions complete. */
    static final String TITLE_WORDS = "titleWords";
    static final String WORDS = "words";
    static final String JSON = "json";

    static final String TRUE = "true";

    /** Stored for listings without an expiry. */
    static final long NEVER = Long.MAX_VALUE;

    private ListingFields() {
    }

    /** The highest hourly pay of a listing's range for contributors in {@code country}, on listings with one. */
    static String hourlyMax(String country) {
        return HOURLY_MAX + "." + country;
    }

    /** The lowest hourly pay of a listing's range for contributors in {@code country}, on listings with one. */
    static String hourlyMin(String country) {
        return HOURLY_MIN + "." + country;
    }

    static Term idTerm(long id) {
        return new Term(ID_TERM, Long.toString(id));
    }

    /** The document of a listing whose answer is {@code json}. */
    static List<IndexableField> of(TaskListing listing, String json) {
        List<IndexableField> fields = new ArrayList<>(40);
        fields.add(new LongField(ID, listing.id, Field.Store.NO));
        fields.add(new StringField(ID_TERM, Long.toString(listing.id), Field.Store.NO));
        fields.add(new KeywordField(PLATFORM, listing.platform.slug, Field.Store.NO));
        fields.add(new SortedDocValuesField(PLATFORM_NAME, new BytesRef(listing.platform.name)));
        fields.add(new KeywordField(TIER, listing.payTier.slug, Field.Store.NO));
        fields.add(new KeywordField(TASK_TYPE, listing.taskType.name(), Field.Store.NO));
        fields.add(new KeywordField(STATUS, listing.status.name(), Field.Store.NO));
        fields.add(new LongField(EXPIRES_AT, listing.expiresAt == null ? NEVER : micros(listing.expiresAt), Field.Store.NO));
        fields.add(new LongField(POSTED_AT, micros(listing.postedAt), Field.Store.NO));
        fields.add(new LongField(UPDATED_AT, micros(listing.updatedAt), Field.Store.NO));
        HourlyUsd hourly = listing.hourlyUsd();
        if (hourly != null) {
            fields.add(new LongField(HOURLY_MIN, cents(hourly.min(), RoundingMode.UNNECESSARY), Field.Store.NO));
            fields.add(new LongField(HOURLY_MAX, cents(hourly.max(), RoundingMode.UNNECESSARY), Field.Store.NO));
            fields.add(new KeywordField(PAY_KNOWN, TRUE, Field.Store.NO));
            fields.add(new KeywordField(PAY_BASIS, hourly.basis().name(), Field.Store.NO));
            for (ListingRequest.CountryPayRequest range : listing.countryPay()) {
                HourlyUsd theirs = listing.hourlyUsd(range.min(), range.max());
                for (String country : range.countries()) {
                    fields.add(new KeywordField(PAY_COUNTRY, country, Field.Store.NO));
                    fields.add(new LongField(hourlyMin(country), cents(theirs.min(), RoundingMode.UNNECESSARY), Field.Store.NO));
                    fields.add(new LongField(hourlyMax(country), cents(theirs.max(), RoundingMode.UNNECESSARY), Field.Store.NO));
                }
            }
        }
        EligibilityRules rules = listing.effectiveEligibility.toRules();
        if (rules.countries().isEmpty()) {
            fields.add(new KeywordField(WORLDWIDE, TRUE, Field.Store.NO));
        }
        rules.countries().forEach(code -> fields.add(new KeywordField(COUNTRY, code, Field.Store.NO)));
        rules.excludedCountries().forEach(code -> fields.add(new KeywordField(EXCLUDED_COUNTRY, code, Field.Store.NO)));
        rules.languages().forEach(code -> fields.add(new KeywordField(LANGUAGE, code, Field.Store.NO)));
        rules.credentials().forEach(code -> fields.add(new KeywordField(CREDENTIAL, code, Field.Store.NO)));
        platformFacts(listing.platform, fields);
        fields.add(new TextField(TITLE, listing.title, Field.Store.YES));
        fields.add(new TextField(DESCRIPTION, listing.description, Field.Store.NO));
        fields.add(new SortedDocValuesField(TITLE_KEY, new BytesRef(listing.titleSortKey)));
        fields.add(new TextField(TITLE_WORDS, listing.title, Field.Store.NO));
        fields.add(new TextField(WORDS, listing.title + "\n" + listing.description, Field.Store.NO));
        fields.add(new StoredField(JSON, json));
        return fields;
    }

    /** What searches filter on of the listing's platform: hiring, payment methods by country, assessment, monitoring. */
    private static void platformFacts(Platform platform, List<IndexableField> fields) {
        fields.add(new KeywordField(HIRING, platform.hiringStatus.name(), Field.Store.NO));
        StringBuilder byCountry = new StringBuilder();
        new TreeMap<>(platform.hiringByCountry).forEach((country, status) -> {
            fields.add(new KeywordField(HIRING_COUNTRY, country, Field.Store.NO));
            fields.add(new KeywordField(HIRING_IN, hiringIn(country, status), Field.Store.NO));
            byCountry.append(byCountry.isEmpty() ? "" : ",").append(country).append('=').append(status.name());
        });
        fields.add(new StoredField(HIRING_BY_COUNTRY, byCountry.toString()));
        for (PaymentMethod method : platform.paymentMethods) {
            fields.add(new KeywordField(PAY_METHOD, method.name(), Field.Store.NO));
        }
        for (PaymentMethod method : platform.paymentMethods) {
            if (platform.paymentCountries.stream().noneMatch(row -> row.method == method)) {
                fields.add(new KeywordField(PAY_METHOD_EVERYWHERE, method.name(), Field.Store.NO));
            }
        }
        for (PaymentCountry row : platform.paymentCountries) {
            fields.add(new KeywordField(PAY_METHOD_IN, payMethodIn(row.method, row.country), Field.Store.NO));
        }
        Assessment assessment = platform.assessment();
        String kind = !assessment.required() ? "NONE" : assessment.paid() == null ? "UNKNOWN" : assessment.paid() ? "PAID" : "UNPAID";
        fields.add(new KeywordField(ASSESSMENT, kind, Field.Store.NO));
        if (assessment.required() && assessment.estimatedMinutes() != null) {
            fields.add(new LongField(ASSESSMENT_MINUTES, assessment.estimatedMinutes(), Field.Store.NO));
        }
        fields.add(new KeywordField(MONITORING, Boolean.toString(platform.monitoringSoftware), Field.Store.NO));
    }

    static String hiringIn(String country, HiringStatus status) {
        return country + ":" + status.name();
    }

    static String payMethodIn(PaymentMethod method, String country) {
        return method.name() + ":" + country;
    }

    /** The hiring statuses of their own that {@link #HIRING_BY_COUNTRY} stored. */
    static Map<String, HiringStatus> hiringByCountry(String stored) {
        Map<String, HiringStatus> byCountry = new TreeMap<>();
        if (stored != null && !stored.isEmpty()) {
            for (String entry : stored.split(",")) {
                int equals = entry.indexOf('=');
                byCountry.put(entry.substring(0, equals), HiringStatus.valueOf(entry.substring(equals + 1)));
            }
        }
        return byCountry;
    }

    /** An amount in whole cents, rounded as given (amounts are stored with two decimals). */
    static long cents(BigDecimal amount, RoundingMode rounding) {
        return amount.movePointRight(2).setScale(0, rounding).longValueExact();
    }

    /**
     * Microseconds since the epoch, rounded down: the precision timestamps are stored with. Computed from
     * seconds and nanoseconds, because {@code ChronoUnit.MICROS.between} goes through nanoseconds, which
     * overflow a long beyond 292 years from 1970, well inside the years 0001 to 9999 a search accepts.
     */
    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
