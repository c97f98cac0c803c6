package dev.aitrainingdirectory.platform;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the platform list, as received; {@link PlatformSearch} validates them. */
public class PlatformSearchParams {

    @QueryParam("q")
    @Parameter(description = "Words that must all appear in the name or the description, case-insensitive.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200, pattern = "\\S"), example = "expert")
    public List<String> q;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 code: keeps platforms that accept contributors living there.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Z]{2}$"), example = "IN")
    public List<String> country;

    @QueryParam("speaks")
    @Parameter(description = "ISO 639-1 codes the contributor speaks: keeps platforms all of whose required languages are among them.",
            explode = Explode.TRUE, schema = @Schema(ref = "LanguageCodeFilter"), example = "[\"en\"]")
    public List<String> speaks;

    @QueryParam("taskType")
    @Parameter(description = "Keeps platforms offering one of these task types.", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TaskType.class, maxItems = 50))
    public List<String> taskType;

    @QueryParam("tier")
    @Parameter(description = "Keeps platforms with work in one of these pay tiers (slugs).", explode = Explode.TRUE,
            schema = @Schema(ref = "SlugFilter"), example = "[\"coding\"]")
    public List<String> tier;

    @QueryParam("paymentMethod")
    @Parameter(description = "Keeps platforms paying by one of these methods; with `country`, by one offered in that"
            + " country.", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentMethod.class, maxItems = 50))
    public List<String> paymentMethod;

    @QueryParam("audience")
    @Parameter(description = "Keeps platforms for one of these audiences.", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Audience.class, maxItems = 50))
    public List<String> audience;

    @QueryParam("assessmentRequired")
    @Parameter(description = "Keeps platforms that do (true) or do not (false) require an entry assessment.",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public List<String> assessmentRequired;

    @QueryParam("hiring")
    @Parameter(description = "Keeps platforms whose hiring status is one of these (repeatable or comma list); with"
            + " `country`, the status in that country.", explode = Explode.TRUE,
            schema = @Schema(type = SchemaType.ARRAY, implementation = HiringStatus.class, maxItems = 3), example = "[\"OPEN\"]")
    public List<String> hiring;

    @QueryParam("assessmentPaid")
    @Parameter(description = "true: keeps platforms that ask for no unpaid assessment time (none required, or a paid one);"
            + " false: keeps platforms whose required assessment is unpaid. Platforms that do not say whether theirs is"
            + " paid are kept by neither.", schema = @Schema(type = SchemaType.BOOLEAN))
    public List<String> assessmentPaid;

    @QueryParam("maxAssessmentMinutes")
    @Parameter(description = "Keeps platforms whose entry assessment takes at most this many minutes, or that require"
            + " none; those that do not say how long theirs takes are left out.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1440"), example = "60")
    public List<String> maxAssessmentMinutes;

    @QueryParam("monitoring")
    @Parameter(description = "false: keeps platforms whose work needs no monitoring or time-tracking software; true: those"
            + " whose work does.", schema = @Schema(type = SchemaType.BOOLEAN))
    public List<String> monitoring;

    @QueryParam("sort")
    @Parameter(description = "The order of the results; ties are broken by slug.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-openListings", "-updatedAt"}, defaultValue = "name"))
    public List<String> sort;

    @QueryParam("page")
    @Parameter(description = "The page, from 0.", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
            maximum = "21474836", defaultValue = "0"))
    public List<String> page;

    @QueryParam("size")
    @Parameter(description = "Platforms per page.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    public List<String> size;
}
