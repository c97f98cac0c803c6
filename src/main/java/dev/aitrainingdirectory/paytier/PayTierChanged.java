package dev.aitrainingdirectory.paytier;

/** A tier was renamed, inside the transaction that renames it: its listings show the new name. Observers run in it. */
public record PayTierChanged(PayTier tier) {
}
