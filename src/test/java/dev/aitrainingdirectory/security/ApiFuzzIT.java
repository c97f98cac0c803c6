package dev.aitrainingdirectory.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aitrainingdirectory.support.ChangesReplica;
import dev.aitrainingdirectory.support.HostileValues;
import dev.aitrainingdirectory.support.OpenApiContract;
import dev.aitrainingdirectory.support.OpenApiContract.Operation;
import dev.aitrainingdirectory.support.OpenApiContract.Parameter;
import dev.aitrainingdirectory.support.PackagedService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A property-based fuzz test generated from the committed OpenAPI document, against the packaged
 * service: for every operation it sends valid, boundary and invalid values of every parameter and
 * body field the document declares (wrong types, huge and Unicode strings, SQL and JSON
 * meta-characters, malformed bodies, unknown, repeated and wrong-case parameters, wrong content
 * types, anonymous and partner keys on writes), and checks that no answer is a 5xx, every 4xx is a
 * problem document matching its status, every other answer fits the document, and the rejected
 * writes changed nothing.
 *
 * <p>The requests come from a seeded {@link Random}: the seed is printed, and
 * {@code -Dfuzz.seed=N} replays a run exactly ({@code -Dfuzz.requests=N} changes how many requests
 * the hostile phase sends, {@code -Dfuzz.full=true} prints the failing examples unshortened).
 */
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper ESCAPING_JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CURATOR = "Bearer dev-curator-key";
    private static final String PARTNER = "Bearer dev-partner-key";
    private static final int HOSTILE_REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final int MIN_SHARE = 150;
    private static final int WORKERS = 3;
    private static final int SHOWN_FAILURES = 40;
    /**
     * A body past 5 MB (413), a request line (414) or headers (431) past the HTTP server's limits: Vert.x
     * answers without a body before the service sees them (a known gap, docs/SECURITY.md).
     */
    private static final java.util.Set<Integer> ANSWERED_BY_THE_HTTP_LAYER = java.util.Set.of(413, 414, 431);

    /** Relative weights of the operations in the hostile phase: searches have the most parameters. */
    private static final Map<String, Integer> WEIGHTS = Map.of("searchListings", 6, "getListingFeed", 3,
            "listPlatforms", 3, "listListingChanges", 2, "getListing", 2, "getPlatform", 2, "getPayTier", 2);

    private static final List<String> COUNTRIES = List.of("IN", "PH", "US", "ES", "MX", "DE", "BR", "GB", "NG", "KE", "FR");
    private static final List<String> LANGUAGES = List.of("en", "es", "de", "fr", "hi", "pt", "ja", "ar");
    private static final List<String> CREDENTIALS = List.of("law-degree", "medical-license", "phd-chemistry", "math-degree");

    static {
        ESCAPING_JSON.getFactory().configure(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
    }

    @TempDir
    Path workingDirectory;

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failureCount = new AtomicInteger();
    private final Map<String, AtomicInteger> failureKinds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sentByOperation = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> answeredByStatus = new ConcurrentHashMap<>();

    private OpenApiContract contract;
    private PackagedService service;
    private Directory directory;

    @Test
    void noInputGetsAServerErrorEveryErrorIsAProblemEveryAnswerFitsTheDocumentAndRejectedWritesChangeNothing()
            throws Exception {
        System.out.println("ApiFuzzIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        contract = OpenApiContract.load(Path.of("openapi", "openapi.json"));
        List<Operation> operations = contract.operations();
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThanOrEqualTo(23);
        long started = System.nanoTime();
        try (PackagedService running = PackagedService.startOnEmptyDatabase(workingDirectory,
                "directory.security.curator-key-hashes=" + ApiKeys.hexDigest("dev-curator-key"),
                "directory.security.partner-key-hashes=" + ApiKeys.hexDigest("dev-partner-key"),
                "directory.rate-limit.enabled=false", "directory.expiry.interval=1h")) {
            service = running;
            directory = Directory.read(this);

            String before = snapshot();
            Random random = new Random(seed);
            List<FuzzRequest> hostile = new ArrayList<>();
            int totalWeight = operations.stream().mapToInt(operation -> weight(operation)).sum();
            for (Operation operation : operations) {
                int count = Math.max(MIN_SHARE, HOSTILE_REQUESTS * weight(operation) / totalWeight);
                for (int index = 0; index < count; index++) {
                    hostile.add(new Generator(operation, random).hostile());
                }
            }
            Collections.shuffle(hostile, random);
            List<Outcome> outcomes = sendAll(hostile);
            outcomes.stream().filter(outcome -> outcome.request().operation().writes() && outcome.status() > 0
                            && outcome.status() < 400)
                    .forEach(outcome -> fail(outcome, "a write that breaks the document or lacks the curator role was accepted"));
            long rejectedWrites = outcomes.stream().filter(outcome -> outcome.request().operation().writes()).count();
            boolean unchanged = snapshot().equals(before);

            int lifecycles = new Lifecycles(this, new Random(seed + 1)).run(operations);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            report(operations, hostile.size(), lifecycles, seconds);
            assertThat(failures).as("%d of the fuzzed answers break the contract (seed %d): %s; examples:%n%s",
                    failureCount.get(), seed, failureKinds, String.join("\n\n", failures)).isEmpty();
            assertThat(unchanged).as("the directory is unchanged after %d rejected writes (seed %d)", rejectedWrites, seed).isTrue();
        }
        int total = sentByOperation.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(total).as("requests sent").isGreaterThanOrEqualTo(HOSTILE_REQUESTS);
        for (Operation operation : operations) {
            assertThat(sentByOperation.getOrDefault(operation.operationId(), new AtomicInteger()).get())
                    .as("requests to %s", operation).isGreaterThanOrEqualTo(MIN_SHARE);
        }
    }

    private static int weight(Operation operation) {
        return WEIGHTS.getOrDefault(operation.operationId(), 1);
    }

    // ---------------------------------------------------------------- sending and checking

    /** One request as generated: everything needed to send it again by hand. */
    record FuzzRequest(Operation operation, String method, String target, List<String[]> headers, byte[] body) {

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shorten(target, 600));
            headers.forEach(header -> text.append("\n  ").append(header[0]).append(": ").append(shorten(header[1], 200)));
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(shorten(new String(body, StandardCharsets.UTF_8), 600));
            }
            return text.toString();
        }
    }

    record Outcome(FuzzRequest request, int status, String contentType, String body, Map<String, List<String>> headers) {
    }

    List<Outcome> sendAll(List<FuzzRequest> requests) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<Outcome>> answers = new ArrayList<>();
            for (FuzzRequest request : requests) {
                answers.add(workers.submit(() -> send(request)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get());
            }
            return outcomes;
        } finally {
            workers.shutdownNow();
        }
    }

    /** Sends one request and checks its answer against the document; the answer. */
    Outcome send(FuzzRequest request) throws InterruptedException {
        sentByOperation.computeIfAbsent(request.operation().operationId(), id -> new AtomicInteger()).incrementAndGet();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.baseUrl() + request.target()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(header -> builder.header(header[0], header[1]));
        Outcome outcome = null;
        for (int attempt = 0; outcome == null || outcome.status() == 0 && attempt < 3; attempt++) {
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                outcome = new Outcome(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body(), response.headers().map());
            } catch (IOException noAnswer) {
                // Most often a kept-alive connection that the server closed after refusing an earlier request: retry.
                outcome = new Outcome(request, 0, "", noAnswer.toString(), Map.of());
            }
        }
        answeredByStatus.computeIfAbsent(outcome.status(), status -> new AtomicInteger()).incrementAndGet();
        check(outcome);
        return outcome;
    }

    /** Bodies above this many bytes are past the service's 5 MB limit. */
    private static final int OVERSIZED_BODY = 5 * 1024 * 1024;

    private void check(Outcome outcome) {
        int status = outcome.status();
        Operation operation = outcome.request().operation();
        if (status == 0) {
            // A body past the 5 MB limit may be refused by closing the connection before the client is done
            // sending it (then the client sees no 413): refused all the same, and nothing was stored.
            if (outcome.request().body() == null || outcome.request().body().length <= OVERSIZED_BODY) {
                fail(outcome, "no answer");
            }
            return;
        }
        if (status >= 500) {
            fail(outcome, "a server error");
            return;
        }
        if (ANSWERED_BY_THE_HTTP_LAYER.contains(status)) {
            return;
        }
        OpenApiContract.Answer documented = operation.answers().get(Integer.toString(status));
        if (documented == null) {
            fail(outcome, "status " + status + " is not documented for " + operation);
        }
        String mediaType = outcome.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (status >= 400) {
            if (!mediaType.equals("application/problem+json")) {
                fail(outcome, "a " + status + " that is not application/problem+json");
                return;
            }
            JsonNode problem = parse(outcome);
            if (problem == null) {
                return;
            }
            if (problem.path("status").asInt() != status || !problem.path("type").isTextual() || !problem.path("title").isTextual()) {
                fail(outcome, "a problem without type and title, or whose status is not " + status);
            }
            JsonNode schema = documented == null ? null : documented.content().get("application/problem+json");
            violations(outcome, schema == null ? contract.schema("Problem") : schema, problem);
            return;
        }
        if (status == 204 || status == 304) {
            if (!outcome.body().isEmpty()) {
                fail(outcome, "a " + status + " with a body");
            }
            return;
        }
        if (documented == null) {
            return;
        }
        JsonNode schema = documented.content().get(mediaType);
        if (schema == null) {
            fail(outcome, "media type '" + mediaType + "' is not documented for " + status);
        } else if (mediaType.equals("application/json")) {
            JsonNode body = parse(outcome);
            if (body != null) {
                violations(outcome, schema, body);
            }
        } else if (mediaType.equals("application/atom+xml")) {
            violations(outcome, schema, NODES.textNode(outcome.body()));
            wellFormedXml(outcome);
        }
    }

    private JsonNode parse(Outcome outcome) {
        try {
            return JSON.readTree(outcome.body());
        } catch (JsonProcessingException unreadable) {
            fail(outcome, "a body that is not JSON");
            return null;
        }
    }

    private void violations(Outcome outcome, JsonNode schema, JsonNode body) {
        List<String> violations = contract.violations(schema, body);
        if (!violations.isEmpty()) {
            fail(outcome, "a body that does not fit its schema: " + shorten(String.join("; ", violations), 1500));
        }
    }

    private void wellFormedXml(Outcome outcome) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(outcome.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception malformed) {
            fail(outcome, "an Atom feed that is not well-formed XML: " + malformed.getMessage());
        }
    }

    void fail(Outcome outcome, String what) {
        failureCount.incrementAndGet();
        int ofThisKind = failureKinds.computeIfAbsent(what.replaceAll(":.*", "").replaceAll("[0-9]", "#"), kind -> new AtomicInteger())
                .incrementAndGet();
        if (ofThisKind <= 2 && failures.size() < SHOWN_FAILURES) {
            failures.add(what + "\n" + outcome.request().describe() + "\n  -> " + outcome.status() + " " + outcome.contentType()
                    + " " + shorten(outcome.body(), 800));
        }
    }

    private void report(List<Operation> operations, int hostile, int lifecycles, long seconds) {
        StringBuilder report = new StringBuilder("ApiFuzzIT seed ").append(seed).append(": ")
                .append(sentByOperation.values().stream().mapToInt(AtomicInteger::get).sum()).append(" requests (")
                .append(hostile).append(" hostile, ").append(lifecycles).append(" lifecycles of valid writes) in ")
                .append(seconds).append(" s\n");
        for (Operation operation : operations) {
            report.append(String.format("  %6d  %s%n", sentByOperation.getOrDefault(operation.operationId(), new AtomicInteger()).get(),
                    operation));
        }
        report.append("  answers by status: ").append(new TreeMap<>(answeredByStatus));
        System.out.println(report);
    }

    // ---------------------------------------------------------------- the state of the directory

    /**
     * Everything the public reads show: every listing as the changes feed replays it (and the feed's
     * end cursor, which moves with any write), every platform and every pay tier.
     */
    private String snapshot() throws Exception {
        StringBuilder state = new StringBuilder();
        ChangesReplica replica = ChangesReplica.follow(service);
        state.append("cursor ").append(replica.cursor()).append('\n').append(replica.listings()).append('\n');
        JsonNode platforms = getJson("/api/platforms?size=100");
        assertThat(platforms.get("totalPages").asInt()).isLessThanOrEqualTo(1);
        state.append(platforms).append('\n').append(getJson("/api/pay-tiers"));
        return state.toString();
    }

    JsonNode getJson(String target) throws Exception {
        return JSON.readTree(service.get(target));
    }

    HttpResponse<String> raw(String target) throws Exception {
        return service.send(HttpRequest.newBuilder(service.uri(target)));
    }

    // ---------------------------------------------------------------- what the directory holds

    /** The example data's slugs, ids and ETags, read once before the fuzzing starts. */
    record Directory(List<String> platforms, List<String> tiers, List<String> listingIds, List<String> platformsInUse,
            List<String> tiersInUse, Map<String, String> tags, JsonNode aListing) {

        static Directory read(ApiFuzzIT test) throws Exception {
            List<String> platforms = new ArrayList<>();
            test.getJson("/api/platforms?size=100").get("items").forEach(item -> platforms.add(item.get("slug").asText()));
            List<String> tiers = new ArrayList<>();
            test.getJson("/api/pay-tiers").get("items").forEach(item -> tiers.add(item.get("slug").asText()));
            List<String> ids = new ArrayList<>();
            JsonNode listings = test.getJson("/api/listings?status=OPEN,PAUSED,CLOSED&size=100").get("items");
            listings.forEach(item -> ids.add(item.get("id").asText()));
            Map<String, String> tags = new LinkedHashMap<>();
            List<String> platformsInUse = new ArrayList<>();
            List<String> tiersInUse = new ArrayList<>();
            for (String slug : platforms) {
                tags.put("/api/platforms/" + slug, test.raw("/api/platforms/" + slug).headers().firstValue("ETag").orElseThrow());
                if (test.getJson("/api/listings?status=OPEN,PAUSED,CLOSED&size=1&platform=" + slug).get("totalItems").asInt() > 0) {
                    platformsInUse.add(slug);
                }
            }
            for (String slug : tiers) {
                tags.put("/api/pay-tiers/" + slug, test.raw("/api/pay-tiers/" + slug).headers().firstValue("ETag").orElseThrow());
                if (test.getJson("/api/listings?status=OPEN,PAUSED,CLOSED&size=1&tier=" + slug).get("totalItems").asInt() > 0) {
                    tiersInUse.add(slug);
                }
            }
            for (String id : ids) {
                tags.put("/api/listings/" + id, test.raw("/api/listings/" + id).headers().firstValue("ETag").orElseThrow());
            }
            assertThat(platformsInUse).as("example platforms with listings").isNotEmpty();
            assertThat(ids).as("example listings").isNotEmpty();
            return new Directory(platforms, tiers, ids, platformsInUse, tiersInUse, tags, listings.get(0));
        }
    }

    // ---------------------------------------------------------------- generating requests

    /** Why a generated write must be refused; every write of the hostile phase has one. */
    private enum Refusal {
        ANONYMOUS, PARTNER, WRONG_KEY, INVALID_BODY, MALFORMED_BODY, WRONG_CONTENT_TYPE, PRECONDITION, NOT_FOUND, CONFLICT,
        UNKNOWN_PARAMETER
    }

    /** Generates the requests of one operation from its parameters, body and the example data. */
    private final class Generator {

        private final Operation operation;
        private final Random random;
        private final List<String[]> headers = new ArrayList<>();

        Generator(Operation operation, Random random) {
            this.operation = operation;
            this.random = random;
        }

        FuzzRequest hostile() {
            return operation.writes() ? refusedWrite() : read();
        }

        private FuzzRequest read() {
            String path = pathWithValues(random.nextInt(10) < 7);
            List<String> query = new ArrayList<>();
            for (Parameter parameter : operation.in("query")) {
                if (random.nextInt(3) == 0) {
                    query.addAll(queryValues(parameter));
                }
            }
            if (random.nextInt(8) == 0) {
                query.add(structural());
            }
            if (random.nextInt(12) == 0) {
                headers.add(new String[] {"Accept", pick(List.of("application/xml", "text/html", "*/*", "application/json",
                        "application/atom+xml", "application/problem+json", "image/png;q=0.9, */*;q=0.1", "garbage", ""))});
            }
            if (!operation.in("header").isEmpty() && random.nextInt(3) == 0) {
                String tag = directory.tags().get(path);
                headers.add(new String[] {"If-None-Match", tag != null && random.nextBoolean() ? tag : headerText()});
            }
            return request(path, query, null);
        }

        private FuzzRequest refusedWrite() {
            List<Refusal> reasons = new ArrayList<>(List.of(Refusal.ANONYMOUS, Refusal.ANONYMOUS, Refusal.PARTNER,
                    Refusal.WRONG_KEY, Refusal.INVALID_BODY, Refusal.INVALID_BODY, Refusal.INVALID_BODY, Refusal.MALFORMED_BODY,
                    Refusal.WRONG_CONTENT_TYPE, Refusal.UNKNOWN_PARAMETER, Refusal.NOT_FOUND, Refusal.CONFLICT));
            // A refusal the operation cannot give is not tried: a stale If-Match where it takes one, a conflict where
            // it documents 409 (a partner account has no unique key: a second valid creation is a second account).
            if (operation.in("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase("If-Match"))) {
                reasons.add(Refusal.PRECONDITION);
                reasons.add(Refusal.PRECONDITION);
            }
            if (!operation.answers().containsKey("409")) {
                reasons.remove(Refusal.CONFLICT);
            }
            if (operation.requestBodies().isEmpty()) {
                reasons.removeIf(reason -> reason == Refusal.INVALID_BODY || reason == Refusal.MALFORMED_BODY
                        || reason == Refusal.WRONG_CONTENT_TYPE);
            }
            if (operation.method().equals("POST") && !operation.path().endsWith("import")) {
                reasons.remove(Refusal.NOT_FOUND);
            } else if (!operation.method().equals("DELETE") && !operation.method().equals("POST")) {
                reasons.remove(Refusal.CONFLICT);
            }
            if (operation.path().endsWith("import")) {
                reasons.removeIf(reason -> reason == Refusal.NOT_FOUND || reason == Refusal.CONFLICT);
            }
            Refusal reason = pick(reasons);
            boolean existingTarget = reason != Refusal.NOT_FOUND && (reason == Refusal.CONFLICT || random.nextInt(10) < 8);
            String path = reason == Refusal.CONFLICT && operation.method().equals("DELETE") ? inUse() : pathWithValues(existingTarget);
            switch (reason) {
                case ANONYMOUS -> {
                }
                case PARTNER -> headers.add(new String[] {"Authorization", PARTNER});
                case WRONG_KEY -> headers.add(new String[] {"Authorization", pick(List.of("Bearer not-a-key", "Bearer ",
                        "Basic Y3VyYXRvcjpwYXNzd29yZA==", "bearer dev-curator-key ' OR 1=1", "dev-curator-key",
                        "Bearer " + HostileValues.repeat("k", 5000), "Bearer dev-curator-key\u00e9", "Bearer DEV-CURATOR-KEY"))});
                default -> headers.add(new String[] {"Authorization", random.nextInt(20) == 0 ? "bearer dev-curator-key" : CURATOR});
            }
            if (operation.path().contains("{")) {
                String tag = directory.tags().get(path);
                if (reason == Refusal.PRECONDITION) {
                    // Only the version before the dash counts (EntityTags.requireCurrent), so "0-0" would be current for a new resource.
                    String stale = pick(List.of("\"999999-0\"", "\"999-" + "f".repeat(16) + "\"", "W/" + (tag == null ? "\"1\"" : tag), "\"\"", "\"",
                            "1", tag == null ? "x" : tag.replace("\"", ""), headerText()));
                    if (random.nextInt(4) > 0 && !stale.isBlank()) {
                        headers.add(new String[] {"If-Match", stale});
                    }
                } else {
                    headers.add(new String[] {"If-Match", tag != null ? tag : "\"999999-0\""});
                }
            }
            List<String> query = new ArrayList<>();
            if (reason == Refusal.UNKNOWN_PARAMETER) {
                query.add(pick(List.of("dryRun=true", "q=x", "Slug=x", "version=9", "id=1", "force=true", "cursor=1"))
                        + (random.nextBoolean() ? "" : "&" + structural()));
            }
            if (operation.requestBodies().isEmpty()) {
                return request(path, query, null);
            }
            String mediaType = operation.requestBodies().keySet().iterator().next();
            JsonNode valid = validBody(path, reason == Refusal.CONFLICT);
            byte[] body;
            switch (reason) {
                case INVALID_BODY -> body = bytes(new Mutator(random, mediaType.equals("application/merge-patch+json")).breakOne(valid, operation.requestBodies().get(mediaType)));
                case MALFORMED_BODY -> body = malformed(valid);
                default -> body = random.nextInt(4) == 0 ? bytes(new Mutator(random, mediaType.equals("application/merge-patch+json")).breakOne(valid,
                        operation.requestBodies().get(mediaType))) : bytes(valid);
            }
            if (reason == Refusal.WRONG_CONTENT_TYPE) {
                String wrong = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json-patch+json", "application/jsonx", "json",
                        mediaType.equals("application/json") ? "application/merge-patch+json" : "application/json"));
                headers.add(new String[] {"Content-Type", wrong});
            } else {
                headers.add(new String[] {"Content-Type", random.nextInt(10) == 0 ? mediaType + "; charset=UTF-8" : mediaType});
            }
            return request(path, query, body);
        }

        /** A body that the operation would accept, aimed at {@code path}; for conflicts one that collides. */
        private JsonNode validBody(String path, boolean colliding) {
            JsonNode example = operation.requestExamples().values().iterator().next().deepCopy();
            if (example instanceof ObjectNode body && body.has("slug")) {
                body.put("slug", colliding ? pick(path.startsWith("/api/pay-tiers") ? directory.tiers() : directory.platforms())
                        : "fuzz-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
            }
            if (colliding && operation.path().equals("/api/listings")) {
                ObjectNode body = (ObjectNode) example;
                body.put("platform", directory.aListing().path("platform").path("slug").asText());
                body.put("externalId", directory.aListing().path("externalId").asText());
                body.put("payTier", directory.aListing().path("payTier").path("slug").asText());
            }
            return example;
        }

        private byte[] malformed(JsonNode valid) {
            String text = valid.toString();
            if (random.nextInt(100) == 0) {
                // Past the 5 MB limit of a request body.
                return ("{\"description\":\"" + HostileValues.repeat("a", 6 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            return switch (random.nextInt(16)) {
                case 0 -> new byte[0];
                case 1 -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
                case 2 -> (text + " trailing").getBytes(StandardCharsets.UTF_8);
                case 3 -> (text + text).getBytes(StandardCharsets.UTF_8);
                case 4 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
                case 5 -> text.replaceFirst("}$", ",}").getBytes(StandardCharsets.UTF_8);
                case 6 -> pick(List.of("null", "[]", "1", "\"text\"", "true", "[{}]")).getBytes(StandardCharsets.UTF_8);
                case 7 -> (HostileValues.repeat("[", 5000) + HostileValues.repeat("]", 5000)).getBytes(StandardCharsets.UTF_8);
                case 8 -> "{\"a\":1e999999}".getBytes(StandardCharsets.UTF_8);
                case 9 -> ("{\"" + HostileValues.repeat("k", 100_000) + "\":1}").getBytes(StandardCharsets.UTF_8);
                case 10 -> nonUtf8(text);
                case 11 -> ("\uFEFF\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
                case 12 -> ("\u0000" + text).getBytes(StandardCharsets.UTF_8);
                case 13 -> text.replaceFirst("\\{", "{/* comment */").getBytes(StandardCharsets.UTF_8);
                case 14 -> text.replaceFirst("\\{", "{\"dup\":1,\"dup\":2,").getBytes(StandardCharsets.UTF_8);
                default -> ("{\"a\":" + HostileValues.repeat("9", 20_000) + "}").getBytes(StandardCharsets.UTF_8);
            };
        }

        /** The body with a byte that is no UTF-8 inside its first string value (ISO-8859-1 'é'). */
        private byte[] nonUtf8(String text) {
            int quote = text.indexOf("\":\"");
            byte[] before = text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(quote + 3).getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[before.length + 2 + after.length];
            System.arraycopy(before, 0, body, 0, before.length);
            body[before.length] = 'x';
            body[before.length + 1] = (byte) 0xE9;
            System.arraycopy(after, 0, body, before.length + 2, after.length);
            return body;
        }

        /** The operation's path with its parameters filled: existing ids and slugs, or anything else. */
        private String pathWithValues(boolean existing) {
            String path = operation.path();
            for (Parameter parameter : operation.in("path")) {
                String value;
                if (existing) {
                    value = encode(pick(parameter.name().equals("id") ? directory.listingIds()
                            : path.startsWith("/api/pay-tiers") ? directory.tiers() : directory.platforms()));
                } else {
                    value = switch (random.nextInt(6)) {
                        case 0 -> pick(List.of("999999999", "999999999999999999", "9999999999999999999", "0", "-1", "1.0", "0999999",
                                "no-such-slug", HostileValues.repeat("a", 64), HostileValues.repeat("a", 65), "Outlier", "OUTLIER",
                                "outlier%09", "outlier%20", "coding-", "-coding"));
                        case 1 -> pick(HostileValues.ENCODED);
                        case 2 -> encode(HostileValues.repeat(HostileValues.text(random), 1 + random.nextInt(random.nextInt(8) == 0 ? 3000 : 300)));
                        default -> encode(HostileValues.text(random));
                    };
                    if (value.isEmpty() || value.equals(".") || value.equals("..") || value.equals("%2E")) {
                        value = "x" + value;
                    }
                    // A hostile text can be an ordinary word that names a real resource ("coding"): then it is not missing.
                    List<String> known = parameter.name().equals("id") ? directory.listingIds()
                            : path.startsWith("/api/pay-tiers") ? directory.tiers() : directory.platforms();
                    if (known.contains(value) || known.contains(decoded(value))) {
                        value = "no-such-" + value;
                    }
                }
                path = path.replace("{" + parameter.name() + "}", value);
            }
            return path;
        }

        /** A path segment decoded, or as given when it is not valid percent-encoding. */
        private static String decoded(String segment) {
            try {
                return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return segment;
            }
        }

        private String inUse() {
            if (operation.path().startsWith("/api/exchange-rates")) {
                // The example data has listings paid in euros.
                return operation.path().replace("{currency}", "EUR");
            }
            boolean tiers = operation.path().startsWith("/api/pay-tiers");
            List<String> candidates = tiers ? directory.tiersInUse() : directory.platformsInUse();
            if (candidates.isEmpty() || !(tiers || operation.path().startsWith("/api/platforms"))) {
                return pathWithValues(false);
            }
            return operation.path().replace("{slug}", pick(candidates));
        }

        /** Query pairs (encoded) for one parameter: valid, boundary or hostile values, spelled in every way the API allows. */
        private List<String> queryValues(Parameter parameter) {
            String name = parameter.name();
            int mode = random.nextInt(10);
            List<String> values;
            if (mode < 4) {
                values = validValues(parameter);
            } else if (mode < 6) {
                values = boundaryValues(parameter);
            } else if (mode < 9) {
                values = List.of(random.nextInt(20) == 0 ? HostileValues.repeat(HostileValues.text(random), 1 + random.nextInt(3000))
                        : HostileValues.text(random));
            } else {
                return List.of(encode(name) + "=" + pick(HostileValues.ENCODED));
            }
            if (parameter.isArray() && values.size() > 1 && random.nextBoolean()) {
                return List.of(encode(name) + "=" + String.join("%2C", values.stream().map(ApiFuzzIT::encode).toList()));
            }
            return values.stream().map(value -> encode(name) + "=" + encode(value)).toList();
        }

        private List<String> validValues(Parameter parameter) {
            int count = parameter.isArray() ? 1 + random.nextInt(3) : 1;
            List<String> values = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                values.add(validValue(parameter));
            }
            return values;
        }

        private String validValue(Parameter parameter) {
            JsonNode schema = parameter.isArray() ? contract.resolve(parameter.schema().get("items")) : parameter.schema();
            String kind = parameter.itemName() != null ? parameter.itemName() : parameter.schemaName();
            switch (parameter.name()) {
                case "platform" -> {
                    return pick(directory.platforms());
                }
                case "tier" -> {
                    return pick(directory.tiers());
                }
                case "holds" -> {
                    return pick(CREDENTIALS);
                }
                case "cursor" -> {
                    return Integer.toString(random.nextInt(200));
                }
                case "page" -> {
                    return Integer.toString(random.nextInt(4));
                }
                default -> {
                }
            }
            if ("CountryCode".equals(kind) || "country".equals(parameter.name())) {
                return pick(COUNTRIES);
            }
            if ("LanguageCode".equals(kind) || "LanguageCodeFilter".equals(kind)) {
                return pick(LANGUAGES);
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
            }
            return switch (schema.path("type").asText()) {
                case "integer" -> Long.toString(schema.path("minimum").asLong(0)
                        + random.nextInt((int) Math.min(50, schema.path("maximum").asLong(50) - schema.path("minimum").asLong(0) + 1)));
                case "number" -> random.nextBoolean() ? Integer.toString(random.nextInt(120)) : random.nextInt(120) + ".5";
                case "boolean" -> Boolean.toString(random.nextBoolean());
                default -> "date-time".equals(schema.path("format").asText())
                        ? Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(200_000_000)).toString()
                        : parameter.example().isMissingNode() ? "rating" : parameter.example().asText("rating");
            };
        }

        private List<String> boundaryValues(Parameter parameter) {
            JsonNode schema = parameter.isArray() ? contract.resolve(parameter.schema().get("items")) : parameter.schema();
            if (parameter.isArray()) {
                int most = parameter.schema().path("maxItems").asInt(50);
                int count = pick(List.of(most, most + 1, 51, 60, 120));
                List<String> values = new ArrayList<>();
                for (int index = 0; index < count; index++) {
                    values.add(schema.has("enum") || parameter.name().equals("facets") ? validValue(parameter)
                            : validValue(parameter) + (random.nextBoolean() ? "" : "-" + index));
                }
                return values;
            }
            if (parameter.name().equals("page")) {
                return List.of(pick(List.of("99", "100", "499", "500", "21474836", "21474837", "2147483647")));
            }
            return switch (schema.path("type").asText()) {
                case "integer", "number" -> List.of(pick(List.of(schema.path("minimum").asText("0"),
                        schema.path("maximum").asText("0"), Long.toString(schema.path("minimum").asLong(0) - 1),
                        Long.toString(schema.path("maximum").asLong(0) + 1), "2147483648", "-2147483649", "1e400",
                        "0.000000001", "100000.01")));
                case "boolean" -> List.of(pick(List.of("TRUE", "True", "1", "0", "yes", "")));
                default -> {
                    int longest = schema.path("maxLength").asInt(200);
                    String unit = pick(List.of("a", "a b ", "é", "😀", "İ", "'", "%"));
                    if ("date-time".equals(schema.path("format").asText())) {
                        yield List.of(pick(List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                                "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-11-27T10:15:30.123456789+14:00",
                                "2026-11-27T10:15:30-12:00", "2026-11-27T10:15:30+18:00", "+999999999-12-31T23:59:59Z")));
                    }
                    yield List.of(HostileValues.repeat(unit, random.nextBoolean() ? longest : longest + 1));
                }
            };
        }

        /** A query pair that tests the parameters' spelling rather than their values. */
        private String structural() {
            List<Parameter> query = operation.in("query");
            String known = query.isEmpty() ? "q" : pick(query).name();
            return switch (random.nextInt(9)) {
                case 0 -> encode(known.toUpperCase(Locale.ROOT)) + "=x";
                case 1 -> encode(Character.toUpperCase(known.charAt(0)) + known.substring(1)) + "=IN";
                case 2 -> encode(known) + "=a&" + encode(known) + "=b";
                case 3 -> encode(known);
                case 4 -> encode(known) + "=";
                case 5 -> encode(HostileValues.text(random)) + "=1";
                case 6 -> pick(HostileValues.ENCODED) + "=1";
                case 7 -> "=&&=&" + encode(known) + "[]=1";
                default -> "unknownParameter=1";
            };
        }

        private String headerText() {
            // HttpClient refuses control characters in header values, as a proxy in front of the service would.
            String text = HostileValues.repeat(HostileValues.text(random), 1 + random.nextInt(random.nextBoolean() ? 10 : 900));
            String printable = text.chars().filter(character -> character >= 0x20 && character < 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().trim();
            return printable.isEmpty() || printable.equals("*") ? "\"stale\"" : printable;
        }

        private FuzzRequest request(String path, List<String> query, byte[] body) {
            String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
            return new FuzzRequest(operation, operation.method(), target, List.copyOf(headers), body);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** Breaks a valid body in exactly one place, in a way its schema forbids. */
    private final class Mutator {

        private final Random random;
        private final boolean mergePatch;

        Mutator(Random random, boolean mergePatch) {
            this.random = random;
            this.mergePatch = mergePatch;
        }

        JsonNode breakOne(JsonNode valid, JsonNode schemaReference) {
            JsonNode body = valid.deepCopy();
            List<Runnable> breaks = new ArrayList<>();
            collect(body, contract.resolve(schemaReference), breaks);
            breaks.get(random.nextInt(breaks.size())).run();
            return body;
        }

        /** Every way to break {@code node} (an instance of {@code schema}) or anything inside it. */
        private void collect(JsonNode node, JsonNode schema, List<Runnable> breaks) {
            if (node instanceof ObjectNode object) {
                if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    breaks.add(() -> object.put(pick(List.of("unknown", "id", "version", "createdAt", "Title", "openListings")), 1));
                }
                for (JsonNode required : schema.path("required")) {
                    String name = required.asText();
                    if (!"array".equals(contract.resolve(schema.path("properties").path(name)).path("type").asText())) {
                        // The service reads an absent or null list as an empty one (docs/SECURITY.md), so only other properties are
                        // broken so; and a merge patch merges nested objects, so a property left out of one keeps its stored value.
                        if (!mergePatch) {
                            breaks.add(() -> object.remove(name));
                        }
                        breaks.add(() -> object.putNull(name));
                    }
                }
                schema.path("properties").fields().forEachRemaining(property -> {
                    JsonNode propertySchema = contract.resolve(property.getValue());
                    String name = property.getKey();
                    JsonNode value = object.get(name);
                    breaks.add(() -> object.set(name, wrongType(propertySchema)));
                    if (value != null) {
                        collect(value, propertySchema, breaks);
                        breakValue(object, name, value, propertySchema, breaks);
                    } else {
                        breakValue(object, name, null, propertySchema, breaks);
                    }
                });
            } else if (node instanceof ArrayNode array) {
                JsonNode items = contract.resolve(schema.path("items"));
                // Copies of one item break maxItems only where duplicates count: the service reads unique lists as sets.
                if (schema.has("maxItems") && array.size() > 0 && schema.get("maxItems").asInt() < 2000
                        && !schema.path("uniqueItems").asBoolean()) {
                    breaks.add(() -> {
                        JsonNode item = array.get(0);
                        while (array.size() <= schema.get("maxItems").asInt()) {
                            array.add(item.deepCopy());
                        }
                    });
                }
                for (int index = 0; index < array.size(); index++) {
                    int position = index;
                    breaks.add(() -> array.set(position, wrongType(items)));
                    collect(array.get(index), items, breaks);
                }
                if (array.isEmpty() && !items.isMissingNode()) {
                    breaks.add(() -> array.add(wrongType(items)));
                }
            }
        }

        private void breakValue(ObjectNode object, String name, JsonNode value, JsonNode schema, List<Runnable> breaks) {
            if (schema.has("enum")) {
                breaks.add(() -> object.put(name, pick(List.of("NOT_A_VALUE", "", "open", "İNVALID", "0", "1",
                        schema.get("enum").get(0).asText().toLowerCase(Locale.ROOT)))));
            }
            if (schema.has("maxLength")) {
                int longest = schema.get("maxLength").asInt();
                breaks.add(() -> object.put(name, random.nextInt(4) == 0 ? HostileValues.huge(random)
                        : HostileValues.repeat(pick(List.of("a", "é", "'; --", "İ", "%_")), longest + 1)));
            }
            if (schema.has("pattern")) {
                Pattern pattern = Pattern.compile(schema.get("pattern").asText());
                List<String> breaking = new ArrayList<>(HostileValues.TEXT.stream().filter(text -> !pattern.matcher(text).find()).toList());
                breaking.addAll(List.of("Upper-Case", "a--b", "http://example.com", "javascript:alert(1)", "usd", "ftp://x"));
                breaking.removeIf(text -> pattern.matcher(text).find());
                if (!breaking.isEmpty()) {
                    breaks.add(() -> object.put(name, pick(breaking)));
                }
            }
            if ("date-time".equals(schema.path("format").asText())) {
                breaks.add(() -> object.put(name, pick(List.of("yesterday", "2026-11-27", "2026-02-30T00:00:00Z",
                        "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-11-27T25:00:00Z", "1732700000", ""))));
            }
            if (schema.has("minimum")) {
                breaks.add(() -> object.put(name, new java.math.BigDecimal(schema.get("minimum").asText()).subtract(java.math.BigDecimal.ONE)));
            }
            if (schema.has("multipleOf")) {
                breaks.add(() -> object.put(name, new java.math.BigDecimal("12.345")));
            }
        }

        /** A value of a JSON type {@code schema} does not allow. */
        private JsonNode wrongType(JsonNode schema) {
            String type = schema.has("enum") ? "string" : schema.path("type").asText("object");
            List<Supplier<JsonNode>> wrong = new ArrayList<>(List.of(() -> NODES.objectNode().put("a", 1), NODES::arrayNode,
                    () -> NODES.booleanNode(true), () -> NODES.numberNode(12), () -> NODES.textNode("12"),
                    () -> NODES.textNode(""), () -> NODES.numberNode(1.5), () -> NODES.textNode("true")));
            switch (type) {
                case "string" -> wrong.removeIf(candidate -> candidate.get().isTextual());
                case "number" -> wrong.removeIf(candidate -> candidate.get().isNumber());
                case "integer" -> wrong.removeIf(candidate -> candidate.get().isIntegralNumber());
                case "boolean" -> wrong.removeIf(candidate -> candidate.get().isBoolean());
                case "array" -> wrong.removeIf(candidate -> candidate.get().isArray());
                default -> wrong.removeIf(candidate -> candidate.get().isObject());
            }
            return wrong.get(random.nextInt(wrong.size())).get();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    // ---------------------------------------------------------------- valid writes

    /**
     * The writes a curator makes, with values at their limits and of every kind of text: create a
     * tier, a platform offering it and a listing on it, read, search, patch and replace them, import,
     * then delete all of it. Every step must succeed, and every answer must fit the document.
     */
    private static final class Lifecycles {

        private final ApiFuzzIT test;
        private final Random random;
        private Map<String, Operation> byId;

        Lifecycles(ApiFuzzIT test, Random random) {
            this.test = test;
            this.random = random;
        }

        int run(List<Operation> operations) throws Exception {
            byId = new LinkedHashMap<>();
            operations.forEach(operation -> byId.put(operation.operationId(), operation));
            int rounds = Integer.getInteger("fuzz.lifecycles", 12);
            for (int round = 0; round < rounds; round++) {
                lifecycle(round);
            }
            return rounds;
        }

        private void lifecycle(int round) throws Exception {
            String suffix = round + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            String tier = "fuzz-tier-" + suffix;
            ObjectNode tierBody = object(byId.get("createPayTier")).put("slug", tier).put("name", text(120))
                    .put("description", text(4000));
            Outcome created = expect(201, "createPayTier", "/api/pay-tiers", null, tierBody);
            String tierTag = tag(created);
            tierTag = tag(expect(200, "updatePayTier", "/api/pay-tiers/" + tier, tierTag,
                    NODES.objectNode().put("name", text(1 + random.nextInt(120)))));
            ObjectNode tierAgain = tierBody.deepCopy();
            tierAgain.remove("slug");
            tierTag = tag(expect(200, "replacePayTier", "/api/pay-tiers/" + tier, tierTag, tierAgain));
            expect(200, "getPayTier", "/api/pay-tiers/" + tier, null, null);

            String platform = "fuzz-platform-" + suffix;
            ObjectNode platformBody = object(byId.get("createPlatform")).put("slug", platform).put("name", text(120))
                    .put("description", text(4000)).put("websiteUrl", "https://example.com/" + suffix + "?q=%27%25_");
            platformBody.putArray("payTiers").add(tier).add("general-writing");
            platformBody.putArray("officialDomains").add("example.com");
            ObjectNode eligibility = platformBody.putObject("eligibility");
            eligibility.putArray("countries");
            eligibility.putArray("excludedCountries").add(pick(COUNTRIES));
            eligibility.putArray("languages");
            eligibility.putArray("credentials").add("fuzz-credential-" + round);
            String platformTag = tag(expect(201, "createPlatform", "/api/platforms", null, platformBody));
            platformTag = tag(expect(200, "updatePlatform", "/api/platforms/" + platform, platformTag,
                    NODES.objectNode().put("description", text(1 + random.nextInt(4000)))));

            List<String> ids = new ArrayList<>();
            String title = null;
            for (int index = 0; index < 3; index++) {
                title = text(200);
                ObjectNode listing = object(byId.get("createListing")).put("platform", platform).put("payTier", tier)
                        .put("externalId", text(200)).put("title", title).put("description", text(8000))
                        .put("applyUrl", "https://example.com/apply/" + suffix + "/" + index);
                listing.remove("eligibility");
                Outcome listingCreated = expect(201, "createListing", "/api/listings", null, listing);
                JsonNode answer = JSON.readTree(listingCreated.body());
                String id = answer.path("id").asText();
                ids.add(id);
                String listingTag = tag(listingCreated);
                listingTag = tag(expect(200, "updateListing", "/api/listings/" + id, listingTag,
                        NODES.objectNode().put("status", pick(List.of("OPEN", "PAUSED", "CLOSED"))).put("title", title)));
                listing.put("lastVerifiedAt", "2026-11-27T10:15:30.123Z");
                expect(200, "replaceListing", "/api/listings/" + id, listingTag, listing);
                expect(200, "getListing", "/api/listings/" + id, null, null);
            }
            ObjectNode imported = NODES.objectNode();
            ArrayNode rows = imported.putArray("listings");
            for (int index = 0; index < 5; index++) {
                rows.add(object(byId.get("createListing")).put("platform", platform).put("payTier", tier)
                        .put("externalId", "import-" + index).put("title", text(200)).put("description", text(500))
                        .put("applyUrl", "https://jobs.example.com/import/" + index));
            }
            expect(200, "importListings", "/api/listings/import", null, imported);
            expect(200, "importListings", "/api/listings/import", null, imported);

            String words = title.split("\\s+")[0];
            for (String query : List.of("platform=" + platform, "platform=" + platform + "&status=OPEN,PAUSED,CLOSED&facets="
                    + "platform,tier,taskType,country,language,status&sort=title", "q=" + encode(words) + "&status=OPEN,PAUSED,CLOSED",
                    "tier=" + tier + "&sort=-pay&status=OPEN,PAUSED,CLOSED&size=100")) {
                expect(200, "searchListings", "/api/listings?" + query, null, null);
                expect(200, "getListingFeed", "/api/listings/feed?" + query.replaceAll("&facets=[^&]*", "")
                        .replaceAll("&sort=[^&]*", ""), null, null);
            }
            expect(200, "listPlatforms", "/api/platforms?sort=name&q=" + encode(words), null, null);
            expect(200, "listPayTiers", "/api/pay-tiers", null, null);
            expect(200, "listCountries", "/api/eligibility/countries", null, null);
            expect(200, "listLanguages", "/api/eligibility/languages", null, null);
            expect(200, "listListingChanges", "/api/listings/changes?limit=1000", null, null);

            JsonNode all = JSON.readTree(expect(200, "searchListings", "/api/listings?status=OPEN,PAUSED,CLOSED&size=100&platform="
                    + platform, null, null).body());
            for (JsonNode item : all.get("items")) {
                String id = item.get("id").asText();
                String listingTag = test.raw("/api/listings/" + id).headers().firstValue("ETag").orElseThrow();
                expect(204, "deleteListing", "/api/listings/" + id, listingTag, null);
            }
            platformTag = test.raw("/api/platforms/" + platform).headers().firstValue("ETag").orElseThrow();
            expect(204, "deletePlatform", "/api/platforms/" + platform, platformTag, null);
            tierTag = test.raw("/api/pay-tiers/" + tier).headers().firstValue("ETag").orElseThrow();
            expect(204, "deletePayTier", "/api/pay-tiers/" + tier, tierTag, null);
        }

        private Outcome expect(int status, String operationId, String target, String ifMatch, JsonNode body) throws Exception {
            Operation operation = byId.get(operationId);
            List<String[]> headers = new ArrayList<>();
            if (operation.writes()) {
                headers.add(new String[] {"Authorization", CURATOR});
            }
            if (ifMatch != null) {
                headers.add(new String[] {"If-Match", ifMatch});
            }
            if (body != null) {
                headers.add(new String[] {"Content-Type", operation.requestBodies().keySet().iterator().next()});
            }
            Outcome outcome = test.send(new FuzzRequest(operation, operation.method(), target, headers, body == null ? null : bytes(body)));
            if (outcome.status() != status) {
                test.fail(outcome, "a valid " + operationId + " did not answer " + status);
                throw new AssertionError("A valid " + operationId + " answered " + outcome.status() + ": "
                        + String.join("\n\n", test.failures));
            }
            return outcome;
        }

        private static String tag(Outcome outcome) {
            return outcome.headers().get("etag").get(0);
        }

        private static ObjectNode object(Operation operation) {
            return (ObjectNode) operation.requestExamples().values().iterator().next().deepCopy();
        }

        /** Text of at most {@code length} UTF-16 units, mixing scripts, emoji, combining marks and SQL and JSON meta-characters. */
        private String text(int length) {
            List<String> pieces = List.of("İstanbul ", "naïve ", "e\u0301 ", "😀 ", "مرحبا ", "\u202Eevil ", "' OR '1'='1 ", "%_ ",
                    "-- ", "; ", "\"quoted\" ", "{\"a\":[1]} ", "\\ ", "<b>&amp;</b> ", "日本語 ", "ß ", "\u00A0", "tab\t",
                    "line\n", "\u0001 ");
            StringBuilder text = new StringBuilder("w" + random.nextInt(1000) + " ");
            while (text.length() < length) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            text.setLength(length);
            if (Character.isHighSurrogate(text.charAt(length - 1))) {
                text.setCharAt(length - 1, 'z');
            }
            return text.toString();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    // ---------------------------------------------------------------- text helpers

    /** Percent-encodes every byte of the UTF-8 form but the unreserved characters (RFC 3986). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    /** JSON bytes; a string with a lone surrogate is written with \\u escapes, as a hostile client can. */
    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException unwritable) {
            try {
                return ESCAPING_JSON.writeValueAsBytes(body);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    static String shorten(String text, int length) {
        return text.length() <= length || Boolean.getBoolean("fuzz.full") ? text : text.substring(0, length) + "… (" + text.length() + " chars)";
    }
}
