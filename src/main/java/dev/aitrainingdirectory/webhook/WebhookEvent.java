package dev.aitrainingdirectory.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A listing event not yet turned into deliveries: the webhooks' outbox, written by every listing write in its own
 * transaction (see the change log) and emptied by the dispatcher.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent extends PanacheEntityBase {

    /** The change log's sequence number of the change. */
    @Id
    public long seq;

    @Column(name = "listing_id", nullable = false)
    public long listingId;

    @Column(name = "event_type", nullable = false, length = 32)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
