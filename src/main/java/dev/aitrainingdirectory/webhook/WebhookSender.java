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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Reads answers' excerpts, so that a body that trickles in is given up at the deadline, not waited for. */
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

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
        // The request's own timeout ends at the answer's headers; the whole exchange, body included, gets one deadline.
        Duration timeout = config.webhooks().requestTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<HttpResponse<InputStream>> exchange = null;
        try {
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
            exchange = client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Outcome(response.statusCode(), null, excerpt(response.body(), deadline));
        } catch (TimeoutException timedOut) {
            exchange.cancel(true);
            return new Outcome(null, "no answer within " + timeout.toSeconds() + " s", null);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(null, "no answer within " + timeout.toSeconds() + " s", null);
            }
            return new Outcome(null, truncate(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted while sending, the service is stopping", null);
        } catch (RuntimeException unusable) {
            // A URL the client cannot send to (an address it refuses): a failed attempt like any other, never a 500.
            return new Outcome(null, truncate("the request could not be sent: " + unusable.getMessage()), null);
        }
    }

    /** The start of an answer's body, read until the deadline at most; null when there is none by then. */
    private String excerpt(InputStream body, long deadline) {
        try (body) {
            var read = readers.submit(() -> body.readNBytes(EXCERPT));
            byte[] bytes = read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return bytes.length == 0 ? null : truncate(new String(bytes, StandardCharsets.UTF_8));
        } catch (TimeoutException | ExecutionException | IOException incomplete) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String truncate(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
    }
}
