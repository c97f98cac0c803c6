package dev.aitrainingdirectory.platform;

import java.util.Set;

/**
 * A platform's official domains are about to become {@code domains}, inside the transaction that changes
 * them. Observers run synchronously and refuse the change (409) while a listing applies elsewhere.
 */
public record OfficialDomainsChanging(Platform platform, Set<String> domains) {
}
