package dev.aitrainingdirectory.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner account as curators write it. */
@Schema(name = "PartnerWrite", description = "A partner account as curators write it.", additionalProperties = Schema.False.class)
public record PartnerRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The partner's name, as the directory's staff know it.",
                examples = "Remote AI Jobs Weekly") String name,
        @NotBlank @Email @Size(max = 254) @Schema(description = "Where the directory's staff reach the partner, for"
                + " example when its webhook is disabled.", examples = "ops@example.org", format = "email") String contactEmail) {

    public static final String EXAMPLE = """
            {"name": "Remote AI Jobs Weekly", "contactEmail": "ops@example.org"}""";

    public static PartnerRequest of(Partner partner) {
        return new PartnerRequest(partner.name, partner.contactEmail);
    }
}
