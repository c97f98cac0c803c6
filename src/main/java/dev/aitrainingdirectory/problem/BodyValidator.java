package dev.aitrainingdirectory.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/** Validates request bodies with Bean Validation, naming each bad field by its path in the body. */
@ApplicationScoped
public class BodyValidator {

    @Inject
    Validator validator;

    /** Every constraint {@code body} breaks, each field prefixed with {@code prefix} (such as {@code listings[3].}). */
    public List<FieldError> problems(Object body, String prefix) {
        if (body == null) {
            return List.of(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "must not be null"));
        }
        return validator.validate(body).stream()
                .map(violation -> new FieldError(prefix + violation.getPropertyPath(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }
}
