package dev.aitrainingdirectory.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the headers the HTTP layer adds to every answer rather than repeating them on each one: the
 * RateLimit headers on every 2xx and 4xx answer (they come from the rate limiter, which runs before any
 * resource), and the CORS allow-origin header. {@link StandardResponses} adds the answers themselves.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TrafficHeaders implements OASFilter {

    /** Header name to component name, in the order the document lists them (a stable document needs a stable order). */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("RateLimit-Limit", "RateLimitLimit");
        HEADERS.put("RateLimit-Remaining", "RateLimitRemaining");
        HEADERS.put("RateLimit-Reset", "RateLimitReset");
        HEADERS.put("Access-Control-Allow-Origin", "Access-Control-Allow-Origin");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().getResponses().values().forEach(TrafficHeaders::addHeaders);
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(answer -> answer.getRef() == null)
                        .forEach(TrafficHeaders::addHeaders);
            }
        }
    }

    private static void addHeaders(APIResponse answer) {
        HEADERS.forEach((name, component) -> {
            if (answer.getHeaders() == null || !answer.getHeaders().containsKey(name)) {
                answer.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + component));
            }
        });
    }
}
