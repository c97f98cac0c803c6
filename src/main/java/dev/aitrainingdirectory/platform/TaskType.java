package dev.aitrainingdirectory.platform;

/** The shape of a piece of AI-training work. */
public enum TaskType {
    PREFERENCE_COMPARISON,
    RESPONSE_RATING,
    PROMPT_RESPONSE_WRITING,
    CODE_EVALUATION,
    RED_TEAMING,
    FACT_CHECKING,
    TRANSLATION_REVIEW
}
