package dev.aitrainingdirectory.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference list, answered whole rather than paged. */
public record ItemList<T>(@Schema(description = "Every entry.") List<T> items) {
}
