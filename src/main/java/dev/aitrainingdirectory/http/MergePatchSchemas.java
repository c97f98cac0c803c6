package dev.aitrainingdirectory.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds to the OpenAPI document a merge-patch schema for each write schema ({@code ListingWrite} gives
 * {@code ListingPatch}): the same properties, none required, as RFC 7396 patches are partial. Derived
 * here rather than written twice, so a new writable field appears in both.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MergePatchSchemas implements OASFilter {

    /** The write schemas that {@code PATCH} operations take as merge patches. */
    private static final List<String> WRITE_SCHEMAS = List.of("ListingWrite", "PlatformWrite", "PayTierWrite", "PartnerWrite", "WebhookWrite");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String writeName : WRITE_SCHEMAS) {
            Schema write = schemas.get(writeName);
            if (write == null) {
                throw new IllegalStateException("The OpenAPI document has no schema " + writeName + " to derive a patch from");
            }
            String patchName = writeName.replace("Write", "Patch");
            openAPI.getComponents().addSchema(patchName, OASFactory.createSchema()
                    .type(write.getType())
                    .description("A JSON merge patch (RFC 7396) of `" + writeName + "`: the fields given replace the"
                            + " stored ones, `null` removes an optional field, and fields left out stay as they are.")
                    .properties(new LinkedHashMap<>(write.getProperties()))
                    .additionalPropertiesBoolean(Boolean.FALSE));
        }
    }
}
