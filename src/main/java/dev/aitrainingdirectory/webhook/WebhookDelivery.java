package dev.aitrainingdirectory.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message to one webhook and what became of it. Its body is fixed when it is made, so that every attempt sends
 * the same bytes under the same {@code webhook-id}, which a receiver uses to drop a repeat.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Where a delivery stands. */
    public enum Status {
        /** Not yet accepted by the receiver: due at {@link #nextAttemptAt}. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Given up: retried for the whole retry period, or its webhook was disabled. */
        FAILED
    }

    /** The message id, {@code msg_} and 32 hex digits: the {@code webhook-id} header. */
    @Id
    @Column(length = 40)
    public String id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    public long webhookId;

    @Column(name = "event_type", nullable = false, length = 32)
    public String eventType;

    @Column(name = "listing_id")
    public Long listingId;

    /** The change log's sequence number of the change announced; null for a ping. */
    @Column
    public Long seq;

    @Column(nullable = false, length = 1_000_000)
    public String payload;

    /** When the change was committed (a ping: when it was asked for). */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    /**
     * When the next attempt is due; while an instance sends it, the end of that instance's lease: one that dies while
     * sending leaves the delivery due again once the lease has passed.
     */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "response_excerpt", length = 1000)
    public String responseExcerpt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
