package dev.aitrainingdirectory.problem;


/** One rejected input: the parameter or body field at fault and what is wrong with it. */
public record FieldError(
        String field,
        String message) {
}
