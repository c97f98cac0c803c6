package dev.aitrainingdirectory.problem;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** Thrown by resources and services for any request that cannot be served; becomes a {@link Problem}. */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final transient List<FieldError> errors;

    public ProblemException(Status status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(Status status, String detail) {
        this(status, detail, List.of());
    }

    /** 400 for inputs that failed validation, each named with what is wrong. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "The request has an invalid input: " + errors.get(0).field() + "."
                : "The request has " + errors.size() + " invalid inputs.";
        return new ProblemException(Status.BAD_REQUEST, detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, detail);
    }

    public Status status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
