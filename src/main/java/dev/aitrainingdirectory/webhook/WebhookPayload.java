package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The body of every delivery, by the Standard Webhooks convention: the event's type, when it happened, and its data
 * (for a listing event, the entry of the changes feed: the listing as the API shows it, or a tombstone). The
 * change's sequence number lets a receiver drop an older message about a listing that arrives after a newer one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookPayload(String type, Instant timestamp, Long sequence, Object data) {

    /** The data of a ping. */
    record Ping(long webhookId) {
    }
}
