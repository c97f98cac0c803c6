package dev.aitrainingdirectory.partner;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's key as anyone reads it later: never the key itself. */
@Schema(name = "PartnerKey", description = "An API key of a partner account. The key itself is shown only once, when it"
        + " is issued.", requiredProperties = {"id", "hint", "createdAt"})
public record PartnerKeyResponse(
        @Schema(examples = "51", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(description = "The key's first characters, to tell keys apart.", examples = "dir_pk_Xq3v", maxLength = 11, pattern = "^dir_pk_[A-Za-z0-9_-]{4}$") String hint,
        Instant createdAt,
        @Schema(description = "When the key was last used, to within five minutes; absent when never.") Instant lastUsedAt) {

    public static PartnerKeyResponse of(PartnerKey key) {
        return new PartnerKeyResponse(key.id, key.hint, key.createdAt, key.lastUsedAt);
    }
}
