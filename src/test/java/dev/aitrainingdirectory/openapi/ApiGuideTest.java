package dev.aitrainingdirectory.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The guide in {@code docs/API.md} stays true as the API grows: every path and every parameter of the
 * committed OpenAPI document is named in it (in backticks), so a new one cannot ship undocumented.
 */
class ApiGuideTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @Test
    void theGuideNamesEveryEndpointAndEveryParameterOfTheDocument() throws IOException {
        String guide = Files.readString(Path.of("docs/API.md"));
        JsonNode document = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile());
        JsonNode shared = document.path("components").path("parameters");

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!guide.contains(path.getKey() + "`") && !guide.contains(path.getKey() + "?")) {
                missing.add("the endpoint " + path.getKey());
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    JsonNode resolved = parameter.has("$ref")
                            ? shared.path(parameter.get("$ref").asText().substring("#/components/parameters/".length()))
                            : parameter;
                    String name = resolved.path("name").asText();
                    if (!guide.contains("`" + name + "`")) {
                        missing.add("the parameter " + name + " of " + operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }
            }
        }
        assertThat(missing).as("named in docs/API.md").isEmpty();
        assertThat(document.path("paths").size()).as("the document has its endpoints").isGreaterThan(10);
    }
}
