package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.curation.Curated;
import dev.aitrainingdirectory.listing.ListingCriteria;
import dev.aitrainingdirectory.listing.ListingSearch;
import dev.aitrainingdirectory.params.ParameterReader;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Partners' webhooks, written like every curated resource but owned: a partner finds only its own (another's is a
 * 404, as if it did not exist), and the service keeps the secret, which only the answer to the creation shows.
 */
@ApplicationScoped
public class WebhookService extends Curated<Long, Webhook, WebhookRequest> {

    private static final Definition<Long, Webhook, WebhookRequest> DEFINITION = new Definition<>("webhook", "id",
            WebhookRequest.class, id -> Webhook.findByIdOptional(id), webhook -> webhook.id, request -> null,
            WebhookService::asWritten, Webhook::new, List.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bounds of the filters, as the document states them and the column holds them (values per filter: the search's). */
    private static final int MAX_FILTER_TEXT = 200;
    private static final int MAX_FILTERS_JSON = 4000;
    private static final TypeReference<LinkedHashMap<String, List<String>>> FILTERS = new TypeReference<>() {
    };

    @Inject
    SecurityIdentity identity;
    @Inject
    ListingSearch search;
    @Inject
    DirectoryConfig config;

    private WebhookTargets targets;

    public WebhookService() {
        super(DEFINITION);
    }

    /** Where webhooks may deliver, by the configuration's allow-list. */
    public WebhookTargets targets() {
        if (targets == null) {
            targets = new WebhookTargets(config.webhooks().allowPrivateHosts().orElse(List.of()));
        }
        return targets;
    }

    @Override
    public boolean keyAssigned() {
        return true;
    }

    /** The calling partner account's id; 403 for a key without an account (a configured partner key). */
    public long callerPartnerId() {
        Long partnerId = Caller.of(identity).partnerId();
        if (partnerId == null) {
            throw new ProblemException(403, "This partner key comes from the service's configuration and belongs to no"
                    + " partner account, which webhooks need; ask the directory for an account key.");
        }
        return partnerId;
    }

    /** The caller's webhook with this id, or 404: another partner's is not there for it. */
    public Webhook owned(long id) {
        return load(id);
    }

    @Override
    public Optional<Webhook> find(Long id) {
        long partnerId = callerPartnerId();
        return super.find(id).filter(webhook -> webhook.partnerId == partnerId);
    }

    @Override
    public Consumer<Webhook> check(Long id, WebhookRequest request, Webhook existing, List<FieldError> errors) {
        long partnerId = callerPartnerId();
        if (request.url() != null) {
            targets().refusal(request.url()).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        }
        List<String> events = new ArrayList<>();
        if (request.events() != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (int index = 0; index < request.events().size(); index++) {
                String event = request.events().get(index);
                if (event == null || !WebhookEvents.ALL.contains(event)) {
                    errors.add(new FieldError("events[" + index + "]", "'" + event + "' is not an event; the events are "
                            + String.join(", ", WebhookEvents.ALL)));
                } else if (!seen.add(event)) {
                    errors.add(new FieldError("events[" + index + "]", "repeats '" + event + "'"));
                }
            }
            WebhookEvents.ALL.stream().filter(seen::contains).forEach(events::add);
        }
        Map<String, List<String>> filters = filters(request.filters(), errors);
        if (existing == null && Webhook.count("partnerId", partnerId) >= config.webhooks().maxPerPartner()) {
            errors.add(new FieldError("url", "would be one webhook more than a partner may hold ("
                    + config.webhooks().maxPerPartner() + "); delete one first"));
        }
        return webhook -> {
            Instant now = TimestampedEntity.now();
            if (existing == null) {
                webhook.partnerId = partnerId;
                webhook.secret = WebhookSecret.generate();
            }
            webhook.url = request.url().strip();
            webhook.description = request.description() == null || request.description().isBlank() ? null
                    : request.description().strip();
            webhook.events = String.join(",", events);
            webhook.filters = write(filters);
            boolean enable = !Boolean.FALSE.equals(request.enabled());
            if (enable && (existing == null || !webhook.enabled)) {
                webhook.consecutiveFailures = 0;
                webhook.failingSince = null;
                webhook.disabledReason = null;
                webhook.disabledAt = null;
            } else if (!enable && webhook.enabled) {
                webhook.disabledAt = now;
            }
            webhook.enabled = enable;
        };
    }

    /**
     * The filters as the listing search's parameters, each checked as the search checks it: every problem is added to
     * {@code errors} under {@code filters.<name>}.
     */
    Map<String, List<String>> filters(Map<String, JsonNode> given, List<FieldError> errors) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (given == null) {
            return filters;
        }
        int before = errors.size();
        given.forEach((name, value) -> {
            List<String> texts = new ArrayList<>();
            if (value != null && value.isTextual()) {
                texts.add(value.asText());
            } else if (value != null && value.isArray() && !value.isEmpty()) {
                value.forEach(item -> texts.add(item.isTextual() ? item.asText() : null));
            }
            // Kept as the search reads them: comma lists split, blanks and repeats dropped.
            Set<String> values = new LinkedHashSet<>();
            texts.stream().filter(item -> item != null).flatMap(item -> Arrays.stream(item.split(",")))
                    .map(String::strip).filter(item -> !item.isEmpty()).forEach(values::add);
            if (texts.isEmpty() || texts.contains(null) || values.isEmpty()) {
                errors.add(new FieldError("filters." + name, "must be a string or a non-empty list of strings"));
            } else if (values.size() > ParameterReader.MAX_VALUES || values.stream().anyMatch(item -> item.length() > MAX_FILTER_TEXT)) {
                errors.add(new FieldError("filters." + name, "takes at most " + ParameterReader.MAX_VALUES + " values of at most "
                        + MAX_FILTER_TEXT + " characters each"));
            } else {
                filters.put(name, List.copyOf(values));
            }
        });
        if (errors.size() == before && write(filters).length() > MAX_FILTERS_JSON) {
            errors.add(new FieldError("filters", "must be at most " + MAX_FILTERS_JSON + " characters as JSON"));
        }
        if (errors.size() == before) {
            try {
                search.parseFilters(filters);
            } catch (ProblemException invalid) {
                invalid.errors().forEach(error -> errors.add(new FieldError("filters." + error.field(), error.message())));
            }
        }
        return filters;
    }

    /** A webhook's filters as criteria of the listing search; empty when they name something that no longer exists. */
    Optional<ListingCriteria> criteria(Webhook webhook) {
        try {
            return Optional.of(search.parseFilters(read(webhook.filters)));
        } catch (ProblemException stale) {
            return Optional.empty();
        }
    }

    /** Rotates the secret: the new one signs from now on, the old one too until the overlap ends. */
    @Transactional
    public RotatedSecret rotateSecret(long id) {
        Webhook webhook = owned(id);
        // Read again under a lock, so that the dispatcher's record of an attempt waits for the rotation, not races it.
        Webhook.getEntityManager().refresh(webhook, LockModeType.PESSIMISTIC_WRITE);
        Instant now = TimestampedEntity.now();
        webhook.previousSecret = webhook.secret;
        webhook.previousSecretUntil = now.plus(config.webhooks().secretOverlap());
        webhook.secret = WebhookSecret.generate();
        webhook.updatedAt = now;
        return new RotatedSecret(webhook.secret, webhook.previousSecretUntil);
    }

    WebhookResponse response(Webhook webhook, boolean withSecret) {
        return WebhookResponse.of(webhook, read(webhook.filters), TimestampedEntity.now(), withSecret);
    }

    static Map<String, List<String>> read(String filters) {
        try {
            return JSON.readValue(filters, FILTERS);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("A webhook's stored filters are not JSON", corrupt);
        }
    }

    private static String write(Map<String, List<String>> filters) {
        try {
            return JSON.writeValueAsString(filters);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The webhook as its partner would write it again: what a merge patch applies to. */
    private static WebhookRequest asWritten(Webhook webhook) {
        Map<String, JsonNode> filters = new LinkedHashMap<>();
        read(webhook.filters).forEach((name, values) -> filters.put(name, JSON.valueToTree(values)));
        return new WebhookRequest(webhook.url, webhook.description, webhook.eventList(), filters, webhook.enabled);
    }
}
