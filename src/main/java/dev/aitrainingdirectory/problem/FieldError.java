package dev.aitrainingdirectory.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rejected input: the parameter or body field at fault and what is wrong with it. */
@Schema(description = "One rejected input.")
public record FieldError(
        @Schema(description = "The query parameter, or the path of the body field, at fault.", examples = "country")
        String field,
        @Schema(description = "What is wrong with it, in plain English.",
                examples = "'XX' is not an assigned ISO 3166-1 alpha-2 country code")
        String message) {
}
