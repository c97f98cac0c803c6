package dev.aitrainingdirectory.search;

import static dev.aitrainingdirectory.support.DirectoryFixture.rules;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.listing.ListingRequest;
import dev.aitrainingdirectory.listing.ListingService;
import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.listing.PayUnit;
import dev.aitrainingdirectory.platform.Assessment;
import dev.aitrainingdirectory.platform.Audience;
import dev.aitrainingdirectory.platform.HiringRequest;
import dev.aitrainingdirectory.platform.PaymentMethod;
import dev.aitrainingdirectory.platform.PaymentMethodCountries;
import dev.aitrainingdirectory.platform.PayoutSchedule;
import dev.aitrainingdirectory.platform.PlatformRequest;
import dev.aitrainingdirectory.platform.PlatformService;
import dev.aitrainingdirectory.platform.TaskType;
import dev.aitrainingdirectory.support.DirectoryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The search engine against a model: a brute-force search written plainly here (a loop over every
 * listing, as the API documents each filter, sort and facet) on thousands of random searches over
 * listings with mixed rules, statuses, expiries, pay and languages. Runs on whichever database the
 * build targets (H2, or PostgreSQL with {@code -Ppostgresql}). Seeded: a failure names its seed and
 * search, and {@code -Dsearch.model.seed=N} replays it.
 */
@QuarkusTest
class ListingSearchModelTest {

    private static final int LISTINGS = 240;
    private static final int SEARCHES = Integer.getInteger("search.model.searches", 2000);
    private static final List<String> COUNTRIES = List.of("US", "IN", "PH", "DE", "BR", "KE");
    private static final List<String> LANGUAGES = List.of("en", "es", "de", "tl");
    private static final List<String> CREDENTIALS = List.of("law-degree", "phd", "cpa");
    private static final List<String> TIERS = List.of("general-writing", "coding", "stem-math");
    /** Words that are their own stems and no two of which share one, so whole-word matching is the model of stemmed matching. */
    private static final List<String> WORDS = List.of("python", "rust", "audio", "chat", "math", "law", "review", "spanish",
            "café", "Résumé", "physics", "poetry");
    private static final List<String> FACETS = List.of("platform", "tier", "taskType", "country", "language", "status", "pay");
    private static final List<String> SORTS = List.of("-postedAt", "postedAt", "-pay", "pay", "title", "-updatedAt", "relevance");
    private static final Instant NOW = Instant.now();

    @Inject
    DirectoryFixture fixture;
    @Inject
    ListingService listings;
    @Inject
    PlatformService platformService;
    @Inject
    CuratedWrites writes;

    /** A listing as the API shows it when read by id (from the database, not the index), its hourly pay computed here. */
    record Listing(long id, String platform, String tier, String taskType, String status, String title, String description,
            Hourly hourly, Map<String, Hourly> hourlyByCountry, Set<String> countries, Set<String> excluded, Set<String> languages,
            Set<String> credentials, Instant postedAt, Instant updatedAt, PlatformFacts facts) {

        /** The hourly USD pay for a contributor in {@code country} (null: anywhere); null when unknown. */
        Hourly hourlyFor(String country) {
            return country != null && hourlyByCountry.containsKey(country) ? hourlyByCountry.get(country) : hourly;
        }

        BigDecimal hourlyMax(String country) {
            Hourly pay = hourlyFor(country);
            return pay == null ? null : pay.max();
        }
    }

    /** What the listing's platform says of itself, as {@code GET /api/platforms/{slug}} shows it. */
    record PlatformFacts(String hiring, Map<String, String> hiringByCountry, Set<String> methods,
            Map<String, List<String>> methodCountries, boolean assessmentRequired, Boolean assessmentPaid, Integer assessmentMinutes,
            boolean monitoring) {

        String hiringIn(String country) {
            return country == null ? hiring : hiringByCountry.getOrDefault(country, hiring);
        }

        boolean paysBy(String method, String country) {
            return methods.contains(method) && (country == null || !methodCountries.containsKey(method)
                    || methodCountries.get(method).contains(country));
        }

        static PlatformFacts read(String slug) {
            JsonPath json = given().when().get("/api/platforms/" + slug).then().statusCode(200).extract().jsonPath();
            Map<String, List<String>> methodCountries = new HashMap<>();
            for (Map<String, Object> offer : json.<Map<String, Object>>getList("paymentMethodCountries")) {
                @SuppressWarnings("unchecked")
                List<String> countries = (List<String>) offer.get("countries");
                methodCountries.put((String) offer.get("method"), countries);
            }
            return new PlatformFacts(json.getString("hiring.status"), json.getMap("hiring.byCountry"),
                    Set.copyOf(json.getList("paymentMethods", String.class)), methodCountries,
                    json.getBoolean("assessment.required"), json.get("assessment.paid"), json.get("assessment.estimatedMinutes"),
                    json.getBoolean("monitoringSoftware"));
        }
    }

    /** Hourly USD pay as the API documents it: per hour times the rate, per task times 60 / minutes, to the cent. */
    record Hourly(BigDecimal min, BigDecimal max, String basis) {
    }

    /** One random search: its query parameters, as sent. */
    record Search(Map<String, List<String>> query) {
    }

    @Test
    void everyRandomSearchFindsWhatTheBruteForceModelFinds() {
        long seed = Long.getLong("search.model.seed", System.nanoTime());
        Random random = new Random(seed);
        String token = "zq" + Long.toString(Math.abs(seed) % 1_000_000_000L, 36) + "x";
        List<Listing> model = createListings(random, token);

        for (int n = 0; n < SEARCHES; n++) {
            Search search = randomSearch(random, token, model);
            String replay = "seed " + seed + ", search " + n + ": " + search.query();
            JsonPath answer = given().queryParams(flatten(search.query())).when().get("/api/listings")
                    .then().statusCode(200).extract().jsonPath();
            List<Listing> expected = find(model, search.query(), null);
            String sort = first(search.query(), "sort");
            boolean byRelevance = "relevance".equals(sort) || sort == null;
            int page = Integer.parseInt(first(search.query(), "page"));
            int size = Integer.parseInt(first(search.query(), "size"));
            assertThat(answer.getLong("totalItems")).as(replay).isEqualTo(expected.size());
            List<Long> ids = answer.getList("items.id", Long.class);
            if (byRelevance) {
                // Scores are BM25's, not the model's: the page holds found listings, and all of them when they fit.
                assertThat(expected.stream().map(Listing::id).toList()).as(replay).containsAll(ids);
                if (page == 0 && expected.size() <= size) {
                    assertThat(ids).as(replay).containsExactlyInAnyOrderElementsOf(expected.stream().map(Listing::id).toList());
                }
            } else {
                List<Long> ordered = expected.stream().sorted(order(sort, first(search.query(), "country"))).map(Listing::id).toList();
                List<Long> pageOfIds = ordered.subList(Math.min(ordered.size(), page * size), Math.min(ordered.size(), page * size + size));
                assertThat(ids).as(replay).containsExactlyElementsOf(pageOfIds);
            }
            for (String facet : search.query().getOrDefault("facets", List.of())) {
                Map<String, Long> counted = new HashMap<>();
                List<Map<String, Object>> values = answer.getList("facets." + facet);
                for (Map<String, Object> value : values) {
                    counted.put((String) value.get("value"), ((Number) value.get("count")).longValue());
                }
                assertThat(counted).as(replay + " facet " + facet).isEqualTo(facetCounts(model, search.query(), facet));
                if (facet.equals("pay")) {
                    assertThat(values.stream().map(value -> value.get("value")).toList()).as(replay)
                            .containsExactly("0-15", "15-25", "25-40", "40-60", "60-100", "100+");
                }
            }
        }
    }

    private List<Listing> createListings(Random random, String token) {
        List<String> platforms = new ArrayList<>();
        platforms.add(platform(DirectoryFixture.worldwide(), new HiringRequest("OPEN", List.of(
                        new HiringRequest.CountryStatus("IN", "WAITLIST"), new HiringRequest.CountryStatus("KE", "PAUSED")), null),
                Set.of(PaymentMethod.PAYPAL, PaymentMethod.PAYONEER),
                List.of(new PaymentMethodCountries(PaymentMethod.PAYONEER, List.of("IN", "PH"))), new Assessment(true, null, 90), true));
        platforms.add(platform(rules(List.of("US", "IN", "PH", "DE"), List.of(), List.of(), List.of()),
                new HiringRequest("WAITLIST", List.of(new HiringRequest.CountryStatus("US", "OPEN")), null),
                Set.of(PaymentMethod.BANK_TRANSFER), List.of(), new Assessment(true, true, 30), false));
        platforms.add(platform(rules(List.of(), List.of("KE"), List.of("en"), List.of()),
                new HiringRequest("PAUSED", List.of(new HiringRequest.CountryStatus("DE", "OPEN")), null),
                Set.of(PaymentMethod.PAYPAL, PaymentMethod.BANK_TRANSFER),
                List.of(new PaymentMethodCountries(PaymentMethod.BANK_TRANSFER, List.of("US", "DE"))), new Assessment(true, false, null),
                false));
        platforms.add(platform(DirectoryFixture.worldwide(), null, Set.of(PaymentMethod.PAYONEER), List.of(),
                new Assessment(false, null, null), true));
        Map<String, PlatformFacts> facts = new HashMap<>();
        platforms.forEach(slug -> facts.put(slug, PlatformFacts.read(slug)));
        List<ListingRequest> requests = new ArrayList<>();
        for (int i = 0; i < LISTINGS; i++) {
            String title = words(random, 1 + random.nextInt(3)) + (random.nextInt(4) == 0 ? " " + token : "");
            String description = words(random, random.nextInt(5)) + " " + token;
            ListingRequest.PayRequest pay = switch (random.nextInt(7)) {
                case 0 -> null;
                case 1 -> new ListingRequest.PayRequest(BigDecimal.valueOf(2), BigDecimal.valueOf(3), "USD", PayUnit.TASK);
                case 2 -> new ListingRequest.PayRequest(BigDecimal.valueOf(15 + random.nextInt(40)), BigDecimal.valueOf(60), "EUR",
                        PayUnit.HOUR);
                case 3 -> new ListingRequest.PayRequest(BigDecimal.valueOf(1 + random.nextInt(3)), BigDecimal.valueOf(4), "USD",
                        PayUnit.TASK, BigDecimal.valueOf(2 + random.nextInt(10)), null);
                case 4 -> new ListingRequest.PayRequest(BigDecimal.valueOf(30 + random.nextInt(30)), BigDecimal.valueOf(90), "USD",
                        PayUnit.HOUR, null, List.of(new ListingRequest.CountryPayRequest(
                                random.nextBoolean() ? List.of("IN", "PH") : List.of("KE"),
                                BigDecimal.valueOf(5 + random.nextInt(10)), BigDecimal.valueOf(15 + random.nextInt(30)))));
                default -> {
                    int min = 5 + random.nextInt(120);
                    yield new ListingRequest.PayRequest(BigDecimal.valueOf(min * 100 + random.nextInt(100), 2),
                            BigDecimal.valueOf(min + 1 + random.nextInt(40)), "USD", PayUnit.HOUR);
                }
            };
            ListingStatus status = ListingStatus.values()[random.nextInt(3)];
            Instant posted = NOW.minus(1 + random.nextInt(400), ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            // Expiries far from now (a day or more), so that no listing expires while the test runs.
            Instant expires = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> {
                    Instant past = NOW.minus(1 + random.nextInt(30), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
                    yield past.isBefore(posted) ? null : past;
                }
                default -> NOW.plus(1 + random.nextInt(30), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            };
            EligibilityRules own = rules(some(random, COUNTRIES, 3), some(random, COUNTRIES, 1), some(random, LANGUAGES, 2),
                    some(random, CREDENTIALS, 1));
            requests.add(new ListingRequest(platforms.get(random.nextInt(platforms.size())), DirectoryFixture.unique("model"),
                    title, description, TaskType.values()[random.nextInt(TaskType.values().length)],
                    TIERS.get(random.nextInt(TIERS.size())), pay, own, status, "https://platform.example/apply", posted, expires, null));
        }
        listings.importListings(requests);
        List<Listing> model = new ArrayList<>();
        BigDecimal eurRate = new BigDecimal(given().when().get("/api/exchange-rates/EUR").then().statusCode(200)
                .extract().jsonPath().getString("rate"));
        int page = 0;
        while (true) {
            JsonPath found = given().queryParam("q", token).queryParam("status", "OPEN,PAUSED,CLOSED").queryParam("size", 100)
                    .queryParam("page", page++).when().get("/api/listings").then().statusCode(200).extract().jsonPath();
            List<Long> ids = found.getList("items.id", Long.class);
            if (ids.isEmpty()) {
                break;
            }
            ids.forEach(id -> model.add(read(id, eurRate, facts)));
        }
        assertThat(model).hasSize(LISTINGS);
        return model;
    }

    /** A listing as {@code GET /api/listings/{id}} shows it. */
    private static Listing read(long id, BigDecimal eurRate, Map<String, PlatformFacts> facts) {
        JsonPath json = given().when().get("/api/listings/" + id).then().statusCode(200).extract().jsonPath();
        Map<String, Hourly> byCountry = new HashMap<>();
        Hourly own = null;
        if (json.get("pay") != null) {
            String unit = json.getString("pay.unit");
            BigDecimal rate = "USD".equals(json.getString("pay.currency")) ? BigDecimal.ONE : eurRate;
            BigDecimal minutes = json.get("pay.minutesPerTask") == null ? null : new BigDecimal(json.getString("pay.minutesPerTask"));
            String basis = "TASK".equals(unit) ? "ESTIMATED" : rate.equals(BigDecimal.ONE) ? "PUBLISHED" : "CONVERTED";
            if ("HOUR".equals(unit) || minutes != null) {
                own = new Hourly(hourly(json.getString("pay.min"), rate, minutes), hourly(json.getString("pay.max"), rate, minutes), basis);
                List<Map<String, Object>> ranges = json.get("pay.byCountry") == null ? List.of() : json.getList("pay.byCountry");
                for (Map<String, Object> range : ranges) {
                    Hourly theirs = new Hourly(hourly(range.get("min").toString(), rate, minutes),
                            hourly(range.get("max").toString(), rate, minutes), basis);
                    @SuppressWarnings("unchecked")
                    List<String> codes = (List<String>) range.get("countries");
                    codes.forEach(code -> byCountry.put(code, theirs));
                }
            }
        }
        return new Listing(id, json.getString("platform.slug"), json.getString("payTier.slug"), json.getString("taskType"),
                json.getString("status"), json.getString("title"), json.getString("description"), own, byCountry,
                Set.copyOf(json.getList("effectiveEligibility.countries", String.class)),
                Set.copyOf(json.getList("effectiveEligibility.excludedCountries", String.class)),
                Set.copyOf(json.getList("effectiveEligibility.languages", String.class)),
                Set.copyOf(json.getList("effectiveEligibility.credentials", String.class)),
                Instant.parse(json.getString("postedAt")), Instant.parse(json.getString("updatedAt")),
                facts.get(json.getString("platform.slug")));
    }

    /** A platform with these rules and facts, offering the example tiers; returns its slug. */
    private String platform(EligibilityRules eligibility, HiringRequest hiring, Set<PaymentMethod> methods,
            List<PaymentMethodCountries> methodCountries, Assessment assessment, boolean monitoring) {
        String slug = DirectoryFixture.unique("model-platform");
        writes.create(platformService, new PlatformRequest(slug, "Model platform", "https://platform.example/" + slug,
                "A platform of the search model.", Audience.GENERALIST, Set.of(TaskType.PREFERENCE_COMPARISON),
                Set.of("general-writing", "coding", "stem-math"), methods, PayoutSchedule.WEEKLY, null, false, eligibility, hiring,
                null, assessment, monitoring, null, null, null, methodCountries, null, null));
        return slug;
    }

    private static BigDecimal hourly(String amount, BigDecimal rate, BigDecimal minutesPerTask) {
        BigDecimal usd = new BigDecimal(amount).multiply(rate);
        return minutesPerTask == null ? usd.setScale(2, java.math.RoundingMode.HALF_EVEN)
                : usd.multiply(BigDecimal.valueOf(60)).divide(minutesPerTask, 2, java.math.RoundingMode.HALF_EVEN);
    }

    private Search randomSearch(Random random, String token, List<Listing> model) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        List<String> words = new ArrayList<>(List.of(token));
        if (random.nextInt(3) == 0) {
            words.add(random.nextBoolean() ? WORDS.get(random.nextInt(WORDS.size())).toUpperCase(Locale.ROOT)
                    : fold(WORDS.get(random.nextInt(WORDS.size()))));
        }
        query.put("q", List.of(String.join(" ", words)));
        maybe(random, query, "country", () -> List.of(COUNTRIES.get(random.nextInt(COUNTRIES.size()))));
        maybe(random, query, "speaks", () -> nonEmpty(random, LANGUAGES));
        maybe(random, query, "holds", () -> nonEmpty(random, CREDENTIALS));
        maybe(random, query, "language", () -> nonEmpty(random, LANGUAGES));
        maybe(random, query, "platform", () -> nonEmpty(random, model.stream().map(Listing::platform).distinct().sorted().toList()));
        maybe(random, query, "tier", () -> nonEmpty(random, TIERS));
        maybe(random, query, "taskType", () -> nonEmpty(random, Arrays.stream(TaskType.values()).map(Enum::name).toList()));
        maybe(random, query, "status", () -> nonEmpty(random, List.of("OPEN", "PAUSED", "CLOSED")));
        maybe(random, query, "minPay", () -> List.of(Integer.toString(random.nextInt(130))));
        maybe(random, query, "maxPay", () -> List.of(random.nextInt(130) + "." + random.nextInt(10)));
        if (query.containsKey("minPay") && query.containsKey("maxPay")
                && new BigDecimal(first(query, "minPay")).compareTo(new BigDecimal(first(query, "maxPay"))) > 0) {
            query.remove("maxPay");
        }
        maybe(random, query, "payBasis", () -> nonEmpty(random, List.of("PUBLISHED", "CONVERTED", "ESTIMATED")));
        maybe(random, query, "includeUnknownPay", () -> List.of(Boolean.toString(random.nextBoolean())));
        maybe(random, query, "hiring", () -> nonEmpty(random, List.of("OPEN", "WAITLIST", "PAUSED")));
        maybe(random, query, "paymentMethod", () -> nonEmpty(random, List.of("PAYPAL", "PAYONEER", "BANK_TRANSFER")));
        maybe(random, query, "assessmentPaid", () -> List.of(Boolean.toString(random.nextBoolean())));
        maybe(random, query, "maxAssessmentMinutes", () -> List.of(Integer.toString(List.of(0, 29, 30, 60, 90, 120).get(random.nextInt(6)))));
        maybe(random, query, "monitoring", () -> List.of(Boolean.toString(random.nextBoolean())));
        maybe(random, query, "postedAfter", () -> List.of(model.get(random.nextInt(model.size())).postedAt().toString()));
        maybe(random, query, "updatedAfter", () -> List.of(model.get(random.nextInt(model.size())).updatedAt()
                .minusNanos(random.nextBoolean() ? 0 : 1000).toString()));
        if (random.nextInt(6) > 0) {
            query.put("sort", List.of(SORTS.get(random.nextInt(SORTS.size()))));
        }
        if (random.nextBoolean()) {
            query.put("facets", nonEmpty(random, FACETS));
        }
        int size = List.of(1, 5, 20, 100).get(random.nextInt(4));
        query.put("size", List.of(Integer.toString(size)));
        query.put("page", List.of(Integer.toString(random.nextInt(3) == 0 ? random.nextInt(LISTINGS / size + 2) : 0)));
        return new Search(query);
    }

    /** The listings the search finds, leaving out the filter of {@code withoutFacet} (null: none left out). */
    private static List<Listing> find(List<Listing> model, Map<String, List<String>> query, String withoutFacet) {
        List<Predicate<Listing>> filters = new ArrayList<>();
        List<String> words = Arrays.stream(first(query, "q").split(" ")).map(ListingSearchModelTest::fold).toList();
        filters.add(listing -> {
            Set<String> text = new HashSet<>(tokens(listing.title() + " " + listing.description()));
            return text.containsAll(words);
        });
        String country = first(query, "country");
        if (country != null && !"country".equals(withoutFacet)) {
            filters.add(listing -> allows(listing, country));
        }
        if (query.containsKey("speaks")) {
            filters.add(listing -> query.get("speaks").containsAll(listing.languages()));
        }
        if (query.containsKey("holds")) {
            filters.add(listing -> query.get("holds").containsAll(listing.credentials()));
        }
        if (query.containsKey("language") && !"language".equals(withoutFacet)) {
            filters.add(listing -> listing.languages().stream().anyMatch(query.get("language")::contains));
        }
        if (query.containsKey("platform") && !"platform".equals(withoutFacet)) {
            filters.add(listing -> query.get("platform").contains(listing.platform()));
        }
        if (query.containsKey("tier") && !"tier".equals(withoutFacet)) {
            filters.add(listing -> query.get("tier").contains(listing.tier()));
        }
        if (query.containsKey("taskType") && !"taskType".equals(withoutFacet)) {
            filters.add(listing -> query.get("taskType").contains(listing.taskType()));
        }
        if (!"status".equals(withoutFacet)) {
            List<String> statuses = query.getOrDefault("status", List.of("OPEN"));
            filters.add(listing -> statuses.contains(listing.status()));
        }
        if (!"pay".equals(withoutFacet) && (query.containsKey("minPay") || query.containsKey("maxPay") || query.containsKey("payBasis"))) {
            BigDecimal min = query.containsKey("minPay") ? new BigDecimal(first(query, "minPay")) : null;
            BigDecimal max = query.containsKey("maxPay") ? new BigDecimal(first(query, "maxPay")) : null;
            List<String> bases = query.get("payBasis");
            boolean unknownToo = Boolean.parseBoolean(first(query, "includeUnknownPay"));
            filters.add(listing -> {
                Hourly pay = listing.hourlyFor(country);
                if (pay == null) {
                    return unknownToo;
                }
                return (min == null || pay.max().compareTo(min) >= 0) && (max == null || pay.min().compareTo(max) <= 0)
                        && (bases == null || bases.contains(pay.basis()));
            });
        }
        if (query.containsKey("hiring")) {
            filters.add(listing -> query.get("hiring").contains(listing.facts().hiringIn(country)));
        }
        if (query.containsKey("paymentMethod")) {
            filters.add(listing -> query.get("paymentMethod").stream().anyMatch(method -> listing.facts().paysBy(method, country)));
        }
        if (query.containsKey("assessmentPaid")) {
            boolean paid = Boolean.parseBoolean(first(query, "assessmentPaid"));
            filters.add(listing -> paid ? !listing.facts().assessmentRequired() || Boolean.TRUE.equals(listing.facts().assessmentPaid())
                    : listing.facts().assessmentRequired() && Boolean.FALSE.equals(listing.facts().assessmentPaid()));
        }
        if (query.containsKey("maxAssessmentMinutes")) {
            int most = Integer.parseInt(first(query, "maxAssessmentMinutes"));
            filters.add(listing -> !listing.facts().assessmentRequired()
                    || listing.facts().assessmentMinutes() != null && listing.facts().assessmentMinutes() <= most);
        }
        if (query.containsKey("monitoring")) {
            boolean monitoring = Boolean.parseBoolean(first(query, "monitoring"));
            filters.add(listing -> listing.facts().monitoring() == monitoring);
        }
        if (query.containsKey("postedAfter")) {
            Instant bound = Instant.parse(first(query, "postedAfter")).truncatedTo(ChronoUnit.MICROS);
            filters.add(listing -> listing.postedAt().isAfter(bound));
        }
        if (query.containsKey("updatedAfter")) {
            Instant bound = Instant.parse(first(query, "updatedAfter")).truncatedTo(ChronoUnit.MICROS);
            filters.add(listing -> listing.updatedAt().isAfter(bound));
        }
        return model.stream().filter(listing -> filters.stream().allMatch(filter -> filter.test(listing))).toList();
    }

    private static Map<String, Long> facetCounts(List<Listing> model, Map<String, List<String>> query, String facet) {
        List<Listing> counted = find(model, query, facet);
        Map<String, Long> counts = new TreeMap<>();
        switch (facet) {
            case "platform" -> counted.forEach(listing -> counts.merge(listing.platform(), 1L, Long::sum));
            case "tier" -> counted.forEach(listing -> counts.merge(listing.tier(), 1L, Long::sum));
            case "taskType" -> counted.forEach(listing -> counts.merge(listing.taskType(), 1L, Long::sum));
            case "status" -> counted.forEach(listing -> counts.merge(listing.status(), 1L, Long::sum));
            case "language" -> counted.forEach(listing -> listing.languages().forEach(code -> counts.merge(code, 1L, Long::sum)));
            case "country" -> IsoCodes.countries().keySet().forEach(code -> {
                long count = counted.stream().filter(listing -> allows(listing, code)).count();
                if (count > 0) {
                    counts.put(code, count);
                }
            });
            case "pay" -> {
                long[] bounds = {0, 15, 25, 40, 60, 100};
                String[] names = {"0-15", "15-25", "25-40", "40-60", "60-100", "100+"};
                for (String name : names) {
                    counts.put(name, 0L);
                }
                String country = first(query, "country");
                counted.stream().filter(listing -> listing.hourlyMax(country) != null).forEach(listing -> {
                    int band = 0;
                    while (band + 1 < bounds.length
                            && listing.hourlyMax(country).compareTo(BigDecimal.valueOf(bounds[band + 1])) >= 0) {
                        band++;
                    }
                    counts.merge(names[band], 1L, Long::sum);
                });
            }
            default -> throw new IllegalArgumentException(facet);
        }
        return new HashMap<>(counts);
    }

    private static boolean allows(Listing listing, String country) {
        return !listing.excluded().contains(country) && (listing.countries().isEmpty() || listing.countries().contains(country));
    }

    /** The documented order of {@code sort}, the id breaking ties. */
    private static Comparator<Listing> order(String sort, String country) {
        Comparator<Listing> byId = Comparator.comparingLong(Listing::id);
        Comparator<BigDecimal> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        return switch (sort) {
            case "-postedAt" -> Comparator.comparing(Listing::postedAt).reversed().thenComparing(byId);
            case "postedAt" -> Comparator.comparing(Listing::postedAt).thenComparing(byId);
            case "-pay" -> Comparator.comparing((Listing listing) -> listing.hourlyMax(country),
                    Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(byId);
            case "pay" -> Comparator.comparing((Listing listing) -> listing.hourlyMax(country), nullsLast).thenComparing(byId);
            case "title" -> Comparator.comparing((Listing listing) -> listing.title().toLowerCase(Locale.ROOT),
                    (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
                    .thenComparing(byId);
            case "-updatedAt" -> Comparator.comparing(Listing::updatedAt).reversed().thenComparing(byId);
            default -> throw new IllegalArgumentException(sort);
        };
    }

    /** Lower case with accents removed: how the API reads a word. */
    private static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).map(ListingSearchModelTest::fold).toList();
    }

    private static String words(Random random, int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join(" ", chosen);
    }

    private static List<String> some(Random random, List<String> values, int most) {
        List<String> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, random.nextInt(most + 1)));
    }

    private static List<String> nonEmpty(Random random, List<String> values) {
        List<String> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(shuffled.size())));
    }

    private static void maybe(Random random, Map<String, List<String>> query, String name, java.util.function.Supplier<List<String>> values) {
        if (random.nextInt(4) == 0) {
            query.put(name, values.get());
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Repeatable parameters as repeated values (the API takes both forms); facets as its comma list. */
    private static Map<String, Object> flatten(Map<String, List<String>> query) {
        Map<String, Object> flat = new LinkedHashMap<>();
        query.forEach((name, values) -> flat.put(name, name.equals("facets") ? String.join(",", values) : values));
        return flat;
    }
}
