package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.listing.ListingChange;
import dev.aitrainingdirectory.listing.ListingCriteria;
import dev.aitrainingdirectory.listing.ListingEvent;
import dev.aitrainingdirectory.listing.ListingFinder;
import dev.aitrainingdirectory.listing.ListingResponse;
import dev.aitrainingdirectory.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns listing events into signed deliveries and sends them, with every state in the database so that a crash loses
 * nothing and several instances share the work without sending a message twice.
 *
 * <p>{@link #fanOut} takes the oldest events of the outbox ({@code FOR UPDATE SKIP LOCKED}, so that two instances
 * take different ones), matches each against every enabled webhook's events and filters (with the search index, at
 * least as current as the events), writes one delivery per match with its body fixed, and removes the events, in one
 * transaction. {@link #deliverDue} claims due deliveries the same way and leases them (their next attempt moves past
 * the lease), sends them outside any transaction, a webhook's in order and different webhooks' at once, and records
 * each outcome: delivered, retried later with exponential backoff and jitter, given up after the retry period. A
 * webhook whose attempts keep failing for long enough is disabled, with the reason for its partner to read.
 *
 * <p>Both take the time as an argument, so that tests decide it; {@link WebhookLoop} calls them with the clock's.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** Events per fan-out transaction; webhooks per round of deliveries, and deliveries of each per round. */
    private static final int EVENT_BATCH = 500;
    private static final int WEBHOOKS_PER_ROUND = 50;
    private static final int DELIVERIES_PER_WEBHOOK = 100;
    /** The JPA lock timeout that asks for {@code SKIP LOCKED}. */
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    private static final int SKIP_LOCKED = -2;
    /** The first retry's delay; each next one is four times longer, up to {@link #LONGEST_DELAY}. */
    private static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    private static final Duration LONGEST_DELAY = Duration.ofHours(4);

    @Inject
    DirectoryConfig config;
    @Inject
    WebhookService webhooks;
    @Inject
    ListingFinder finder;
    @Inject
    WebhookSender sender;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    MeterRegistry registry;

    private Counter delivered;
    private Counter failedAttempts;
    private Counter givenUp;
    private Counter disabled;
    private Timer lag;

    @PostConstruct
    void meters() {
        delivered = Counter.builder("directory_webhook_deliveries").tag("outcome", "delivered")
                .description("Webhook delivery attempts by outcome").register(registry);
        failedAttempts = Counter.builder("directory_webhook_deliveries").tag("outcome", "failed")
                .description("Webhook delivery attempts by outcome").register(registry);
        givenUp = Counter.builder("directory_webhook_deliveries_given_up")
                .description("Webhook deliveries given up after the retry period").register(registry);
        disabled = Counter.builder("directory_webhooks_disabled")
                .description("Webhooks the service disabled for failing").register(registry);
        lag = Timer.builder("directory_webhook_delivery_lag")
                .description("From a listing change's commit to its webhook delivery's acceptance")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** What follows an attempt for the rest of its webhook's run: go on, wait for a retry at a time, or stop. */
    private record Next(Instant retryAt, boolean stop) {

        static final Next GO_ON = new Next(null, false);
        /** The webhook was deleted, disabled or paused meanwhile: nothing more goes to it. */
        static final Next STOP = new Next(null, true);
    }

    /** A delivery claimed for sending, with what sending it needs. */
    record Claimed(String id, long webhookId, String url, List<String> secrets, String payload, String eventType,
            Instant occurredAt) {
    }

    /** Turns up to a batch of the oldest events into deliveries; returns how many events it handled. */
    public int fanOut(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WebhookEvent> events = WebhookEvent.<WebhookEvent>find("order by seq")
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                    .page(0, EVENT_BATCH).list();
            if (events.isEmpty()) {
                return 0;
            }
            long head = events.getLast().seq;
            for (Webhook webhook : Webhook.<Webhook>list("enabled = true order by id")) {
                List<WebhookEvent> wanted = events.stream().filter(event -> webhook.subscribesTo(event.eventType)).toList();
                if (!wanted.isEmpty()) {
                    fanOut(webhook, wanted, head, now);
                }
            }
            WebhookEvent.delete("seq in ?1", events.stream().map(event -> event.seq).toList());
            return events.size();
        });
    }

    private void fanOut(Webhook webhook, List<WebhookEvent> events, long head, Instant now) {
        Set<Long> changed = events.stream().filter(event -> !isDeletion(event)).map(event -> event.listingId)
                .collect(Collectors.toSet());
        Map<Long, ListingResponse> matched = Map.of();
        if (!changed.isEmpty()) {
            Optional<ListingCriteria> criteria = webhooks.criteria(webhook);
            if (criteria.isEmpty()) {
                disable(webhook, now, "Its filters name a platform or pay tier that no longer exists; change them and"
                        + " enable it again.");
                return;
            }
            matched = finder.matching(criteria.get(), changed, head);
        }
        for (WebhookEvent event : events) {
            ListingChange data = isDeletion(event) ? new ListingChange(event.listingId, true, null)
                    : matched.containsKey(event.listingId) ? new ListingChange(event.listingId, false, matched.get(event.listingId))
                    : null;
            if (data != null) {
                newDelivery(webhook, event.eventType, event.listingId, event.seq, event.occurredAt, data, now).persist();
            }
        }
    }

    private static boolean isDeletion(WebhookEvent event) {
        return ListingEvent.DELETED.type().equals(event.eventType);
    }

    private WebhookDelivery newDelivery(Webhook webhook, String type, Long listingId, Long seq, Instant occurredAt,
            Object data, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        delivery.webhookId = webhook.id;
        delivery.eventType = type;
        delivery.listingId = listingId;
        delivery.seq = seq;
        delivery.occurredAt = occurredAt;
        delivery.createdAt = now;
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = now;
        try {
            delivery.payload = objectMapper.writeValueAsString(new WebhookPayload(type, occurredAt, seq, data));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return delivery;
    }

    /** Claims up to a batch of due deliveries and sends them; returns how many it sent. */
    public int deliverDue(Instant now) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, List<Claimed>> byWebhook = claimed.stream()
                .collect(Collectors.groupingBy(Claimed::webhookId, LinkedHashMap::new, Collectors.toList()));
        long claimedAt = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            byWebhook.values().forEach(run -> senders.submit(() -> sendInOrder(run, now, claimedAt)));
        }
        return claimed.size();
    }

    /**
     * Claims due deliveries webhook by webhook, oldest first, a few of each: a partner with a large backlog takes its
     * share of a round, not the whole of it, and each webhook's messages are taken in the order they were made.
     */
    private List<Claimed> claim(Instant now) {
        List<Long> webhookIds = WebhookDelivery.getEntityManager().createQuery("select distinct delivery.webhookId from"
                        + " WebhookDelivery delivery where delivery.status = :pending and delivery.nextAttemptAt <= :now and"
                        + " delivery.webhookId in (select webhook.id from Webhook webhook where webhook.enabled = true)", Long.class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", now)
                .setMaxResults(WEBHOOKS_PER_ROUND).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        Instant leaseEnd = now.plus(config.webhooks().lease());
        for (long webhookId : webhookIds) {
            Webhook webhook = Webhook.findById(webhookId);
            if (webhook == null) {
                continue;
            }
            List<WebhookDelivery> due = WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 and status = ?2 and"
                            + " nextAttemptAt <= ?3 order by createdAt, seq, id", webhookId, WebhookDelivery.Status.PENDING, now)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                    .page(0, DELIVERIES_PER_WEBHOOK).list();
            for (WebhookDelivery delivery : due) {
                delivery.nextAttemptAt = leaseEnd;
                claimed.add(new Claimed(delivery.id, delivery.webhookId, webhook.url, webhook.signingSecrets(now),
                        delivery.payload, delivery.eventType, delivery.occurredAt));
            }
        }
        return claimed;
    }

    /**
     * Sends one webhook's deliveries in order. After a failure the rest wait for the failed one's retry, so that a
     * receiver that is down is tried once per round, and its messages keep their order. A slow receiver does not
     * outlast the lease: once half of it has passed, the rest are handed back, due at once, before another instance
     * could take them while this one still sends.
     */
    private void sendInOrder(List<Claimed> run, Instant now, long claimedAt) {
        long halfLease = config.webhooks().lease().toNanos() / 2;
        for (int index = 0; index < run.size(); index++) {
            Claimed delivery = run.get(index);
            if (System.nanoTime() - claimedAt > halfLease) {
                List<String> rest = run.subList(index, run.size()).stream().map(Claimed::id).toList();
                QuarkusTransaction.requiringNew().run(() -> WebhookDelivery.update(
                        "nextAttemptAt = ?1 where id in ?2 and status = ?3", now, rest, WebhookDelivery.Status.PENDING));
                return;
            }
            try {
                WebhookSender.Outcome outcome = sender.send(webhooks.targets(), delivery.url(), delivery.id(),
                        delivery.payload(), delivery.secrets(), now);
                Next next = QuarkusTransaction.requiringNew().call(() -> record(delivery, outcome, now));
                if (next.stop()) {
                    return;
                }
                Instant retry = next.retryAt();
                if (retry != null) {
                    List<String> rest = run.subList(index + 1, run.size()).stream().map(Claimed::id).toList();
                    if (!rest.isEmpty()) {
                        QuarkusTransaction.requiringNew().run(() -> WebhookDelivery.update(
                                "nextAttemptAt = ?1 where id in ?2 and status = ?3", retry, rest, WebhookDelivery.Status.PENDING));
                    }
                    return;
                }
            } catch (RuntimeException failed) {
                // The database is unreachable: the lease runs out and the deliveries go out again later.
                LOG.warnf("Could not record a webhook delivery: %s", failed.getMessage());
                return;
            }
        }
    }

    /** Records an attempt's outcome, and says what the rest of the webhook's run does. */
    private Next record(Claimed claimed, WebhookSender.Outcome outcome, Instant now) {
        WebhookDelivery delivery = WebhookDelivery.findById(claimed.id());
        Webhook webhook = delivery == null ? null : Webhook.findById(delivery.webhookId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || webhook == null || delivery.status != WebhookDelivery.Status.PENDING) {
            return Next.STOP; // its webhook was deleted, or disabled meanwhile
        }
        attempted(delivery, outcome, now);
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivered.increment();
            lag.record(Duration.between(delivery.occurredAt, Instant.now()));
            if (webhook.consecutiveFailures != 0 || webhook.failingSince != null) {
                webhook.consecutiveFailures = 0;
                webhook.failingSince = null;
            }
            return webhook.enabled ? Next.GO_ON : Next.STOP;
        }
        failedAttempts.increment();
        Instant retry = null;
        if (now.isBefore(delivery.createdAt.plus(config.webhooks().retryFor()))) {
            retry = now.plus(backoff(delivery.attempts));
            delivery.nextAttemptAt = retry;
        } else {
            delivery.status = WebhookDelivery.Status.FAILED;
            givenUp.increment();
        }
        webhook.consecutiveFailures++;
        if (webhook.failingSince == null) {
            webhook.failingSince = now;
        }
        if (webhook.enabled && webhook.consecutiveFailures >= config.webhooks().disableAfterFailures()
                && !now.isBefore(webhook.failingSince.plus(config.webhooks().disableAfter()))) {
            disable(webhook, now, webhook.consecutiveFailures + " delivery attempts failed in a row since "
                    + webhook.failingSince + "; the last: " + describe(outcome) + ". Fix the receiver and enable the"
                    + " webhook again; the changes feed has what it missed.");
            return Next.STOP;
        }
        return !webhook.enabled ? Next.STOP : retry != null ? new Next(retry, false) : Next.GO_ON;
    }

    private static void attempted(WebhookDelivery delivery, WebhookSender.Outcome outcome, Instant now) {
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = outcome.error();
        delivery.responseExcerpt = outcome.excerpt();
    }

    private static String describe(WebhookSender.Outcome outcome) {
        return outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error();
    }

    /** The delay before the next attempt after {@code attempts} failed ones: 5 s, 20 s, 80 s, ... up to 4 h, ±20 %. */
    static Duration backoff(int attempts) {
        double seconds = Math.min(FIRST_DELAY.toSeconds() * Math.pow(4, Math.max(0, attempts - 1)), LONGEST_DELAY.toSeconds());
        return Duration.ofMillis(Math.round(seconds * 1000 * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    /** Disables a webhook for its partner to read why; its pending deliveries are given up. Runs in the caller's transaction. */
    private void disable(Webhook webhook, Instant now, String reason) {
        webhook.enabled = false;
        webhook.disabledReason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        webhook.disabledAt = now;
        WebhookDelivery.update("status = ?1, lastError = ?2 where webhookId = ?3 and status = ?4", WebhookDelivery.Status.FAILED,
                "the webhook was disabled", webhook.id, WebhookDelivery.Status.PENDING);
        disabled.increment();
        LOG.infof("Disabled webhook %d: %s", webhook.id, reason);
    }

    /**
     * Sends a ping to the caller's webhook now, whether it is enabled or not, and answers what became of it. A ping is
     * tried once and does not count towards disabling the webhook.
     */
    public DeliveryResponse ping(long webhookId, Instant now) {
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            Webhook webhook = webhooks.owned(webhookId);
            WebhookDelivery delivery = newDelivery(webhook, WebhookEvents.PING, null, null, now,
                    new WebhookPayload.Ping(webhook.id), now);
            delivery.nextAttemptAt = now.plus(config.webhooks().lease());
            delivery.persist();
            return new Claimed(delivery.id, webhook.id, webhook.url, webhook.signingSecrets(now), delivery.payload,
                    delivery.eventType, now);
        });
        WebhookSender.Outcome outcome = sender.send(webhooks.targets(), claimed.url(), claimed.id(), claimed.payload(),
                claimed.secrets(), now);
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(claimed.id());
            if (delivery == null) {
                throw new ProblemException(404, "The webhook was deleted while it was pinged.");
            }
            attempted(delivery, outcome, now);
            delivery.status = outcome.delivered() ? WebhookDelivery.Status.DELIVERED : WebhookDelivery.Status.FAILED;
            delivery.deliveredAt = outcome.delivered() ? now : null;
            return DeliveryResponse.of(delivery);
        });
    }
}
