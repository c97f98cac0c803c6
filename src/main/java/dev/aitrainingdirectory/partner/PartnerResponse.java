package dev.aitrainingdirectory.partner;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner account as curators, and the partner itself, read it. */
@Schema(name = "Partner", description = "A partner account: who it is and which keys it holds.",
        requiredProperties = {"id", "name", "contactEmail", "keys", "createdAt", "updatedAt", "version"})
public record PartnerResponse(
        @Schema(examples = "7", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(examples = "Remote AI Jobs Weekly", maxLength = 200, pattern = "\\S") String name,
        @Schema(examples = "ops@example.org", maxLength = 254, format = "email") String contactEmail,
        @Schema(description = "The account's keys, oldest first (at most two).", maxItems = Partner.MAX_KEYS) List<PartnerKeyResponse> keys,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change, keys issued and revoked included (not with their use).",
                examples = "1", minimum = "0", maximum = "9223372036854775807") long version) {

    public static PartnerResponse of(Partner partner) {
        return new PartnerResponse(partner.id, partner.name, partner.contactEmail,
                partner.keys.stream().map(PartnerKeyResponse::of).toList(), partner.createdAt, partner.updatedAt, partner.version);
    }
}
