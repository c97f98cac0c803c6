package dev.aitrainingdirectory.platform;

/** A device the work on a platform needs. */
public enum Device {
    COMPUTER,
    SMARTPHONE,
    TABLET,
    WEBCAM,
    MICROPHONE,
    HEADPHONES
}
