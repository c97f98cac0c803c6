package dev.aitrainingdirectory.platform;

/**
 * A platform's name or rules changed, inside the transaction that changes it: what its listings show
 * and who may apply to them follow. Observers run synchronously, in that transaction.
 */
public record PlatformChanged(Platform platform) {
}
