package dev.aitrainingdirectory.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed OpenAPI document read as a test reads a contract: its operations with their
 * parameters, request bodies and answers, and a validator that checks a JSON value against any
 * schema of the document. OpenAPI 3.1 schemas are JSON Schema 2020-12, so each schema is validated
 * as one, with the document's components beside it so that every {@code $ref} resolves.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract load(Path file) throws IOException {
        return new OpenApiContract(JSON.readTree(file.toFile()));
    }

    /** One operation of the document: a method on a path. */
    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
            Map<String, JsonNode> requestBodies, Map<String, JsonNode> requestExamples, Map<String, Answer> answers) {

        public boolean writes() {
            return !method.equals("GET");
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + operationId + ")";
        }
    }

    /** A parameter with its schema resolved; {@code itemName} names the component of an array's items, if any. */
    public record Parameter(String name, String in, boolean required, JsonNode schema, String schemaName, String itemName,
            JsonNode example) {

        public boolean isArray() {
            return "array".equals(schema.path("type").asText());
        }
    }

    /** A documented answer: its status (or {@code default}) and the schema of each media type it may carry. */
    public record Answer(String status, Map<String, JsonNode> content) {
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(operation(path.getKey(), entry.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    /** The node a {@code $ref} points to, following chains of references; the node itself when it is none. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current != null && current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The component schema named {@code name}, resolved. */
    public JsonNode schema(String name) {
        return resolve(document.path("components").path("schemas").path(name));
    }

    /** What is wrong with {@code value} as an instance of {@code schema}; empty when it fits. */
    public List<String> violations(JsonNode schema, JsonNode value) {
        Schema validator = compiled.computeIfAbsent(schema.toString(), key -> {
            ObjectNode standalone = schema.isObject() ? ((ObjectNode) schema).deepCopy() : JSON.createObjectNode();
            standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            standalone.set("components", document.get("components"));
            return registry.getSchema(standalone);
        });
        return validator.validate(value).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private Operation operation(String path, String method, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode reference : node.path("parameters")) {
            JsonNode parameter = resolve(reference);
            JsonNode rawSchema = parameter.get("schema");
            JsonNode schema = resolve(rawSchema);
            JsonNode items = schema.path("items");
            JsonNode example = parameter.has("example") ? parameter.get("example") : schema.path("examples").path(0);
            parameters.add(new Parameter(parameter.get("name").asText(), parameter.get("in").asText(),
                    parameter.path("required").asBoolean(false), schema, componentName(rawSchema), componentName(items), example));
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        resolve(node.path("requestBody")).path("content").fields().forEachRemaining(media -> {
            bodies.put(media.getKey(), media.getValue().get("schema"));
            Iterator<JsonNode> values = media.getValue().path("examples").elements();
            if (values.hasNext()) {
                examples.put(media.getKey(), resolve(values.next()).get("value"));
            }
        });
        Map<String, Answer> answers = new LinkedHashMap<>();
        node.path("responses").fields().forEachRemaining(response -> {
            Map<String, JsonNode> content = new LinkedHashMap<>();
            resolve(response.getValue()).path("content").fields()
                    .forEachRemaining(media -> content.put(media.getKey(), media.getValue().get("schema")));
            answers.put(response.getKey(), new Answer(response.getKey(), content));
        });
        return new Operation(method.toUpperCase(java.util.Locale.ROOT), path, node.path("operationId").asText(),
                List.copyOf(parameters), bodies, examples, answers);
    }

    private static String componentName(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return null;
        }
        String reference = schema.get("$ref").asText();
        return reference.substring(reference.lastIndexOf('/') + 1);
    }
}
