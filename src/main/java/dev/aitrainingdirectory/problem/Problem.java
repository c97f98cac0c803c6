package dev.aitrainingdirectory.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document: every error the API answers has this shape. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (`application/problem+json`).")
public record Problem(
        @Schema(description = "A URI reference naming the kind of problem; `about:blank` when the status says it all.",
                examples = "about:blank")
        String type,
        @Schema(description = "A short summary of the kind of problem.", examples = "Bad Request")
        String title,
        @Schema(description = "The HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request.", examples = "The request has invalid parameters.")
        String detail,
        @Schema(description = "The path of the request that failed.", examples = "/api/listings")
        String instance,
        @Schema(description = "For validation failures, every rejected input.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
