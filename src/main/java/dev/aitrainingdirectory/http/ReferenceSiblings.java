package dev.aitrainingdirectory.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Leaves beside a {@code $ref} only what adds to it. A property with its own {@code @Schema(description = ...)}
 * is written by SmallRye as the reference plus the Java type's {@code type} (and, for {@code java.time}
 * types, SmallRye's own example timestamp). The {@code type} repeats the referenced schema's at best; code
 * generators warn about it and drop it (openapi-generator: "Type(s) cleared"), and a reader meets two
 * examples of a timestamp, one of them from 2022. Descriptions and our own examples stay.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ReferenceSiblings implements OASFilter {

    /**
     * The schemas that {@code mp.openapi.schema.java.time.*} in application.properties names: they carry their
     * own examples, so an example beside a reference to one is SmallRye's default, never ours.
     */
    private static final Set<String> JAVA_TIME_SCHEMAS = Set.of("#/components/schemas/Instant", "#/components/schemas/LocalDate");

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setType(null);
            if (JAVA_TIME_SCHEMAS.contains(schema.getRef())) {
                schema.setExamples(null);
            }
        }
        return schema;
    }
}
