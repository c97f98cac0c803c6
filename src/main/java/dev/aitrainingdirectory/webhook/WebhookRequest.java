package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as its partner writes it. */
@Schema(name = "WebhookWrite", description = "A webhook as its partner writes it.", additionalProperties = Schema.False.class)
public record WebhookRequest(
        @NotBlank @Size(max = WebhookTargets.MAX_URL_LENGTH)
        @Schema(description = "Where deliveries go: an https URL on the public internet, without credentials or fragment."
                + " Redirects are not followed.", examples = "https://hooks.aigigs.example/directory", format = "uri")
        String url,
        @Size(max = 500) @Schema(description = "What the webhook is for, for the partner's own staff.",
                examples = "New coding work for the #gigs channel", pattern = "\\S") String description,
        @NotNull @Size(min = 1, max = 4) @Schema(ref = "WebhookEventTypes") List<String> events,
        @Schema(ref = "WebhookFilters")
        Map<String, JsonNode> filters,
        @Schema(description = "false pauses deliveries; true (the default) resumes them, also after the service disabled"
                + " the webhook for failing, which clears its failures.", defaultValue = "true") Boolean enabled) {

    public static final String EXAMPLE = """
            {"url": "https://hooks.aigigs.example/directory", "description": "New work in India for the newsletter",
             "events": ["listing.created", "listing.closed"], "filters": {"country": ["IN"], "speaks": ["en", "hi"]}}""";
}
