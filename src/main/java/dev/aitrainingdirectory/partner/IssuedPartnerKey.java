package dev.aitrainingdirectory.partner;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just issued: the only answer that holds the key itself. */
@Schema(name = "IssuedPartnerKey", description = "A new API key of a partner account. `key` appears in this answer only;"
        + " the service keeps its digest and cannot show it again.", requiredProperties = {"id", "key", "hint", "createdAt"})
public record IssuedPartnerKey(
        @Schema(examples = "51", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(description = "The key: send it as `Authorization: Bearer <key>`.",
                examples = "dir_pk_Xq3vJ0m2bq8oVQeYHqk1m5r9GZfU7tTnq0Ygk1Zb2Cw", maxLength = 50, pattern = "^dir_pk_[A-Za-z0-9_-]{43}$")
        String key,
        @Schema(examples = "dir_pk_Xq3v", maxLength = 11, pattern = "^dir_pk_[A-Za-z0-9_-]{4}$") String hint,
        Instant createdAt) {
}
