package dev.aitrainingdirectory.paytier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A pay tier as curators write it. */
public record PayTierRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        String slug,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 4000) String description,
        @NotNull @Valid PayRange publishedRange) {
}
