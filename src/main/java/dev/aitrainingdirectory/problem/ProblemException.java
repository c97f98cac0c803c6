package dev.aitrainingdirectory.problem;

import java.util.List;

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
}
