package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as its partner reads it; the secret only in the answer to its creation. */
@Schema(name = "Webhook", description = "A partner's webhook: where listing events go, which ones, for which listings.",
        requiredProperties = {"id", "url", "events", "filters", "enabled", "consecutiveFailures", "createdAt", "updatedAt", "version"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(
        @Schema(examples = "12", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(examples = "https://hooks.aigigs.example/directory", maxLength = 2000, format = "uri") String url,
        @Schema(examples = "New work in India for the newsletter", maxLength = 500, pattern = "\\S") String description,
        @Schema(ref = "WebhookEventTypes") List<String> events,
        @Schema(ref = "WebhookFilters") Map<String, List<String>> filters,
        @Schema(description = "Whether deliveries go out. false when its partner paused it, or when the service disabled it"
                + " for failing (then `disabledReason` says why); `PATCH` with `{\"enabled\": true}` resumes it.") boolean enabled,
        @Schema(description = "Why the service disabled the webhook; absent while enabled or paused by its partner.",
                examples = "30 delivery attempts failed in a row since 2026-12-06T09:12:00Z; the last answered HTTP 503",
                maxLength = 1000, pattern = "\\S") String disabledReason,
        @Schema(description = "When it was disabled; absent while enabled.") Instant disabledAt,
        @Schema(description = "Delivery attempts that failed in a row; 0 after a success.", minimum = "0",
                maximum = "2147483647", examples = "0") int consecutiveFailures,
        @Schema(description = "Until when the secret before the last rotation also signs every delivery; absent when none does.")
        Instant previousSecretExpiresAt,
        @Schema(description = "The signing secret: only in the answer to the webhook's creation, never again (rotate it with"
                + " `POST /api/webhooks/{id}/secret`). Verify deliveries with it by the Standard Webhooks rules.",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 100, pattern = "^whsec_[A-Za-z0-9+/=]+$")
        String secret,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change, the service's own included (failures counted, disabling).",
                examples = "0", minimum = "0", maximum = "9223372036854775807") long version) {

    static WebhookResponse of(Webhook webhook, Map<String, List<String>> filters, Instant now, boolean withSecret) {
        boolean overlapping = webhook.previousSecretUntil != null && now.isBefore(webhook.previousSecretUntil);
        return new WebhookResponse(webhook.id, webhook.url, webhook.description, webhook.eventList(), filters, webhook.enabled,
                webhook.disabledReason, webhook.disabledAt, webhook.consecutiveFailures,
                overlapping ? webhook.previousSecretUntil : null, withSecret ? webhook.secret : null,
                webhook.createdAt, webhook.updatedAt, webhook.version);
    }
}
