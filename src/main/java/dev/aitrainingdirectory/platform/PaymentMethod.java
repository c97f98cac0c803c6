package dev.aitrainingdirectory.platform;

/** How a platform pays its contributors. */
public enum PaymentMethod {
    PAYPAL,
    PAYONEER,
    BANK_TRANSFER
}
