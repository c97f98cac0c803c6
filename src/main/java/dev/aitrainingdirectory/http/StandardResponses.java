package dev.aitrainingdirectory.http;

import dev.aitrainingdirectory.security.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, once for every operation, what its kind of operation requires and the problem answers it can give,
 * so that a resource declares only its own answers (its successes, and a 409 where it has conflicts). An operation
 * that needs a key names the role it needs in its security requirement (OpenAPI 3.1 lets a requirement of an HTTP
 * scheme list role names): one that declares none and changes something (any method but GET) needs the curator's,
 * as the resources require; a read that needs a key declares it. Every operation
 * can answer 400 (an unknown or invalid parameter), 401 (a key the service does not know), 406, 414, 431, 429,
 * 500 and 503; one with a body 413, 415 and 422; one that needs a key 403; one that reads a resource named in its path 404 (unless it
 * creates that resource: a PUT that can answer 201); one that takes {@code If-Match} 412 and 428; one that takes {@code If-None-Match} 304.
 * Every 201 names its {@code Location} and {@code ETag}, unless it describes its own {@code Location}. A write's undescribed {@code If-Match} header becomes the shared parameter. SmallRye's own automatic 400 is off ({@code auto-add-bad-request-response}): it would stand in for ours
 * without the problem body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StandardResponses implements OASFilter {

    private static final List<Map.Entry<String, String>> EVERY_OPERATION = List.of(
            Map.entry("400", "BadRequest"), Map.entry("401", "Unauthorized"), Map.entry("406", "NotAcceptable"), Map.entry("414", "UriTooLong"),
            Map.entry("429", "TooManyRequests"), Map.entry("431", "HeadersTooLarge"),
            Map.entry("500", "InternalServerError"), Map.entry("503", "ServiceUnavailable"));

    private static final List<Map.Entry<String, String>> WITH_BODY = List.of(
            Map.entry("413", "ContentTooLarge"), Map.entry("415", "UnsupportedMediaType"),
            Map.entry("422", "UnprocessableContent"));

    private static final List<Map.Entry<String, String>> WITH_KEY = List.of(Map.entry("403", "Forbidden"));

    private static final List<Map.Entry<String, String>> CONDITIONAL = List.of(
            Map.entry("412", "PreconditionFailed"), Map.entry("428", "PreconditionRequired"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> method : path.getValue().getOperations().entrySet()) {
                Operation operation = method.getValue();
                boolean needsKey = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                if (!needsKey && method.getKey() != PathItem.HttpMethod.GET) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                            .addScheme(DirectoryApi.API_KEY, Roles.CURATOR)));
                    needsKey = true;
                }
                sharedIfMatch(operation);
                APIResponses responses = operation.getResponses();
                add(responses, EVERY_OPERATION);
                if (operation.getRequestBody() != null) {
                    add(responses, WITH_BODY);
                }
                if (needsKey) {
                    add(responses, WITH_KEY);
                }
                if (path.getKey().contains("{") && !(method.getKey() == PathItem.HttpMethod.PUT && responses.hasAPIResponse("201"))) {
                    add(responses, List.of(Map.entry("404", "NotFound")));
                }
                if (takes(operation, "If-Match")) {
                    add(responses, CONDITIONAL);
                }
                if (takes(operation, "If-None-Match")) {
                    add(responses, List.of(Map.entry("304", "NotModified")));
                }
                if (responses.hasAPIResponse("201")) {
                    created(responses.getAPIResponse("201"));
                }
                // By status code, so that a reader (and a diff of the document) finds each answer in one place.
                responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
            }
        }
    }

    /**
     * A creation answers where the new resource is, and its ETag. One that describes its own {@code Location} creates
     * something that is not a resource of its own (a partner's key, shown once, lives in its account) and says what it
     * names instead; it has no ETag.
     */
    private static void created(APIResponse answer) {
        if (answer.getHeaders() != null && answer.getHeaders().containsKey("Location")) {
            return;
        }
        for (String header : List.of("ETag", "Location")) {
            if (answer.getHeaders() == null || !answer.getHeaders().containsKey(header)) {
                answer.addHeader(header, OASFactory.createHeader().ref("#/components/headers/" + header));
            }
        }
    }

    private static void add(APIResponses responses, List<Map.Entry<String, String>> answers) {
        answers.stream().filter(answer -> !responses.hasAPIResponse(answer.getKey())).forEach(answer -> responses.addAPIResponse(
                answer.getKey(), OASFactory.createAPIResponse().ref("#/components/responses/" + answer.getValue())));
    }

    /**
     * Replaces the {@code If-Match} header that a resource method reads, undescribed, with the shared parameter
     * that says what it needs; a method that describes its own (optional on creation) keeps it.
     */
    private static void sharedIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> parameters = operation.getParameters().stream()
                .map(parameter -> parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())
                        && parameter.getDescription() == null
                        ? OASFactory.createParameter().ref("#/components/parameters/IfMatch") : parameter)
                .toList();
        operation.setParameters(new ArrayList<>(parameters));
    }

    /** Whether the operation takes the header, given in place or as a reference to the shared parameter of that name. */
    private static boolean takes(Operation operation, String header) {
        String component = "#/components/parameters/" + header.replace("-", "");
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(parameter ->
                component.equals(parameter.getRef())
                        || (parameter.getIn() == Parameter.In.HEADER && header.equalsIgnoreCase(parameter.getName())));
    }
}
