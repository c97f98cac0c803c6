package dev.aitrainingdirectory.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by resources and services for any request that cannot be served; becomes a {@link Problem}. */
public class ProblemException extends RuntimeException {

    public static final int UNPROCESSABLE_CONTENT = 422;
    public static final int PRECONDITION_REQUIRED = 428;

    private final int status;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    /** 400 for query parameters that failed validation, each named with what is wrong. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "The request has an invalid input: " + errors.get(0).field() + "."
                : "The request has " + errors.size() + " invalid inputs.";
        return new ProblemException(400, detail, errors);
    }

    /** 422 for a well-formed body whose content failed validation, each field named with what is wrong. */
    public static ProblemException unprocessable(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "The request body has an invalid field: " + errors.get(0).field() + "."
                : "The request body has " + errors.size() + " invalid fields.";
        return new ProblemException(UNPROCESSABLE_CONTENT, detail, errors);
    }

    /**
     * 400 for a body that is JSON but does not fit the operation (an unknown property, a value of the
     * wrong type), naming the field. Jackson's own message names Java classes, so it is not passed on.
     */
    public static ProblemException unfitBody(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : "body";
        if (exception instanceof UnrecognizedPropertyException) {
            return new ProblemException(400, "The request body has a property this operation does not know.",
                    List.of(new FieldError(field, "is not a known property")));
        }
        Class<?> expected = exception instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new ProblemException(400, "The request body has a value of the wrong type: " + field + ".",
                List.of(new FieldError(field, expectation(expected))));
    }

    /** 400 for a body that is not JSON at all, saying where reading it stopped. */
    public static ProblemException unreadable(JsonProcessingException exception) {
        String location = exception.getLocation() == null ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
        return new ProblemException(400, "The request body is not valid JSON for this operation" + location + ".");
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The body path of a Jackson reference chain, such as {@code eligibility.countries[0]}; {@code body} for the root. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 timestamp such as 2026-11-27T10:15:30Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }
}
