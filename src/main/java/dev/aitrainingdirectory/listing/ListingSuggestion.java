package dev.aitrainingdirectory.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completion of what a contractor is typing into a search box. */
@Schema(name = "ListingSuggestion", description = "A completion of the text typed so far, found among open listings.",
        requiredProperties = {"text", "kind"})
public record ListingSuggestion(
        @Schema(description = "The completed text, to show and to search for as `q` (or, for a platform, as `platform`).",
                examples = "coding", maxLength = 200, pattern = "\\S") String text,
        @Schema(description = "What the text is: a listing's TITLE, a PLATFORM's name, or a WORD of open listings.")
        Kind kind,
        @Schema(description = "For a platform, its slug: what the `platform` filter takes.", examples = "outlier",
                maxLength = 64, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String platform) {

    /** What a suggestion completes to. */
    @Schema(name = "ListingSuggestionKind", description = "TITLE, PLATFORM or WORD.")
    public enum Kind {
        TITLE, PLATFORM, WORD
    }

    public static ListingSuggestion of(String text, Kind kind) {
        return new ListingSuggestion(text, kind, null);
    }
}
