package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of a webhook, as its partner reads it. */
@Schema(name = "WebhookDelivery", description = "One message to a webhook and what became of it.",
        requiredProperties = {"id", "eventType", "status", "attempts", "occurredAt", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResponse(
        @Schema(description = "The message id: the `webhook-id` header of every attempt, the same on a retry.",
                examples = "msg_5c1f0e8a2b7d4c6e9f3a1b2c3d4e5f60", maxLength = 40, pattern = "^msg_[0-9a-f]{32}$") String id,
        @Schema(examples = "listing.created", enumeration = {"listing.created", "listing.updated", "listing.closed",
                "listing.deleted", "webhook.ping"}) String eventType,
        @Schema(description = "The listing announced; absent for a ping.", examples = "1042", minimum = "1",
                maximum = "9223372036854775807") Long listingId,
        @Schema(description = "The change's number in the changes feed (`GET /api/listings/changes`): a receiver that holds a"
                + " higher one for the listing drops this one. Absent for a ping.", examples = "5120", minimum = "1",
                maximum = "9223372036854775807") Long sequence,
        @Schema(description = "PENDING until the receiver answers 2xx (DELIVERED); FAILED once retried for the whole retry"
                + " period, or when the webhook was disabled.", enumeration = {"PENDING", "DELIVERED", "FAILED"},
                implementation = String.class) String status,
        @Schema(description = "Attempts made so far.", minimum = "0", maximum = "2147483647", examples = "1") int attempts,
        @Schema(description = "When the change was committed.") Instant occurredAt,
        Instant createdAt,
        @Schema(description = "When the last attempt was made; absent before the first.") Instant lastAttemptAt,
        @Schema(description = "When the next attempt is due, while PENDING.") Instant nextAttemptAt,
        @Schema(description = "The HTTP status the receiver answered at the last attempt; absent when it gave none.",
                minimum = "100", maximum = "599", examples = "200") Integer statusCode,
        @Schema(description = "Why the last attempt failed without an answer (a timeout, a refused address).",
                examples = "connect timed out after 3 s", maxLength = 1000, pattern = "\\S") String error,
        @Schema(description = "The start of the receiver's last answer, at most 1000 characters.", maxLength = 1000,
                pattern = "[\\s\\S]+")
        String responseExcerpt,
        @Schema(description = "When the receiver accepted it.") Instant deliveredAt) {

    static DeliveryResponse of(WebhookDelivery delivery) {
        return new DeliveryResponse(delivery.id, delivery.eventType, delivery.listingId, delivery.seq, delivery.status.name(),
                delivery.attempts, delivery.occurredAt, delivery.createdAt, delivery.lastAttemptAt,
                delivery.status == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt : null, delivery.lastStatusCode,
                delivery.lastError, delivery.responseExcerpt, delivery.deliveredAt);
    }
}
