package dev.aitrainingdirectory.webhook;

import dev.aitrainingdirectory.config.DirectoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Sends one signed message over HTTP: the Standard Webhooks headers, no redirects followed, short timeouts, and only a
 * bounded excerpt of the answer kept. The target's host is resolved and checked just before the request; the JDK's
 * HTTP client then looks the name up again, which the JVM answers from the lookup just made (its address cache
 * keeps a positive answer for 30 seconds), so a host that changes its answer between the two does not get through.
 */
@ApplicationScoped
public class WebhookSender {

    /** The most of a receiver's answer that is read and kept. */
    static final int EXCERPT = 1000;

    /** What became of one attempt: the status a receiver answered, or why there was none. */
    public record Outcome(Integer statusCode, String error, String excerpt) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    DirectoryConfig config;

    private volatile HttpClient client;

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(config.webhooks().connectTimeout())
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return client;
    }

    /** Posts {@code body} to {@code url} as message {@code messageId}, signed at {@code now} with each secret. */
    public Outcome send(WebhookTargets targets, String url, String messageId, String body, List<String> secrets, Instant now) {
        try {
            targets.resolve(url);
        } catch (WebhookTargets.TargetRefusedException refused) {
            return new Outcome(null, refused.getMessage(), null);
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.webhooks().requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "ai-training-directory-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(messageId, timestamp, body, secrets))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream answer = response.body()) {
                excerpt = new String(answer.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            return new Outcome(response.statusCode(), null, excerpt.isEmpty() ? null : truncate(excerpt));
        } catch (HttpTimeoutException timedOut) {
            return new Outcome(null, "no answer within " + config.webhooks().requestTimeout().toSeconds() + " s", null);
        } catch (IOException failed) {
            return new Outcome(null, truncate(failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : ": " + failed.getMessage())), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted while sending, the service is stopping", null);
        }
    }

    private static String truncate(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
    }
}
