package dev.aitrainingdirectory.webhook;

import dev.aitrainingdirectory.listing.ListingEvent;
import java.util.Arrays;
import java.util.List;

/** The event types a webhook may subscribe to, and the one a test sends. */
public final class WebhookEvents {

    /** Every listing event, in the order a webhook lists them. */
    public static final List<String> ALL = Arrays.stream(ListingEvent.values()).map(ListingEvent::type).toList();

    /** What {@code POST /api/webhooks/{id}/test} sends; never subscribed to. */
    public static final String PING = "webhook.ping";

    private WebhookEvents() {
    }
}
