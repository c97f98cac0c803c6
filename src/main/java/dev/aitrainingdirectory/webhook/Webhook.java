package dev.aitrainingdirectory.webhook;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A partner's subscription to listing events: where they go, which ones, for which listings, signed with which secret. */
@Entity
@Table(name = "webhook")
public class Webhook extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    public Long id;

    /** The partner account that owns it; the database deletes the webhook with the account. */
    @Column(name = "partner_id", nullable = false, updatable = false)
    public long partnerId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 500)
    public String description;

    /** The event types subscribed to, comma separated, in the order of {@link WebhookEvents#ALL}. */
    @Column(nullable = false, length = 500)
    public String events;

    /** The listing search's filters as a JSON object of parameter name to values; {@code {}} for every listing. */
    @Column(nullable = false, length = 4000)
    public String filters;

    /** Signs every delivery. */
    @Column(nullable = false, length = 100)
    public String secret;

    /** The secret before the last rotation, which also signs until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret", length = 100)
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(nullable = false)
    public boolean enabled;

    /** Why the service disabled it; null while enabled or when its partner disabled it. */
    @Column(name = "disabled_reason", length = 1000)
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** Delivery attempts that failed in a row, since {@link #failingSince}; 0 after a success. */
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "failing_since")
    public Instant failingSince;

    public List<String> eventList() {
        return events.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(events.split(",")));
    }

    public boolean subscribesTo(String eventType) {
        return eventList().contains(eventType);
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
