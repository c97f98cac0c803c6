package dev.aitrainingdirectory.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become problem details; nothing else builds error bodies. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception, UriInfo uriInfo) {
        Response answer = answer(exception.status(), exception.getMessage(), exception.errors(), uriInfo);
        return exception.status() == 503 ? Response.fromResponse(answer).header("Retry-After", "5").build() : answer;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uriInfo) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uriInfo);
        }
        return answer(status, detailFor(status), List.of(), uriInfo);
    }

    /** An unknown property or a value of the wrong type; replaces Quarkus's own answer, which is not a problem. */
    @ServerExceptionMapper
    public Response unfitBody(MismatchedInputException exception, UriInfo uriInfo) {
        return problem(ProblemException.unfitBody(exception), uriInfo);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception, UriInfo uriInfo) {
        return problem(ProblemException.unreadable(exception), uriInfo);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uriInfo) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return answer(422, ProblemException.unprocessable(errors).getMessage(), errors, uriInfo);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException exception, UriInfo uriInfo) {
        return answer(412, "The resource was changed by another request at the same time; read it again and retry.",
                List.of(), uriInfo);
    }

    /**
     * A constraint broken where no write path could say it in a resource's words (the write path names the key
     * taken or the rows that still refer); still a 409 that says which kind of constraint, and its name.
     */
    @ServerExceptionMapper
    public Response constraintBroken(org.hibernate.exception.ConstraintViolationException exception, UriInfo uriInfo) {
        String constraint = exception.getConstraintName() == null ? "" : " (" + exception.getConstraintName() + ")";
        return switch (Constraints.kindOf(exception)) {
            case UNIQUE -> answer(409, "Another request wrote the same unique key" + constraint + " at the same time;"
                    + " read the resource again and retry.", List.of(), uriInfo);
            case FOREIGN_KEY -> answer(409, "Another request deleted a row this one refers to, or added one that refers"
                    + " to it" + constraint + ", at the same time; read the resource again and retry.", List.of(), uriInfo);
            default -> unexpected(exception, uriInfo);
        };
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, UriInfo uriInfo) {
        String detail = exception.getMessage() == null ? "The API key is not valid." : exception.getMessage();
        return challenge(answer(401, detail, List.of(), uriInfo));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, UriInfo uriInfo) {
        return challenge(answer(401, "This operation needs an API key: send Authorization: Bearer <api-key>.", List.of(), uriInfo));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uriInfo) {
        return answer(403, "This API key may not do this: curators write the directory and manage partners, partners manage their own webhooks.", List.of(), uriInfo);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable exception, UriInfo uriInfo) {
        if (DatabaseOutage.isCause(exception)) {
            LOG.warnf("The database is unavailable while serving %s: %s", uriInfo.getPath(), exception.getMessage());
            Response problem = answer(503, "The directory's database cannot be reached right now; retry shortly.",
                    List.of(), uriInfo);
            return Response.fromResponse(problem).header("Retry-After", "5").build();
        }
        LOG.errorf(exception, "Unexpected failure serving %s", uriInfo.getPath());
        return answer(500, "The service failed to answer this request; it has been logged.", List.of(), uriInfo);
    }

    private static Response challenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer realm=\"directory\"").build();
    }

    private static Response answer(int status, String detail, List<FieldError> errors, UriInfo uriInfo) {
        String title = reasonPhrase(status);
        List<FieldError> bounded = errors.stream()
                .map(error -> new FieldError(error.field().isBlank() ? "(a blank name)" : Problem.abbreviate(error.field(), 200),
                        Problem.abbreviate(error.message(), 1000)))
                .toList();
        Problem problem = new Problem("about:blank", title, status, Problem.abbreviate(detail, 1000),
                Problem.instance(uriInfo.getPath()), bounded);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String reasonPhrase(int status) {
        if (status == ProblemException.UNPROCESSABLE_CONTENT) {
            return "Unprocessable Content";
        }
        Status known = Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not accept this method.";
            case 406 -> "This operation cannot answer in the media type that the Accept header asks for.";
            case 415 -> "This operation does not accept the request's Content-Type.";
            case 400 -> "The request is malformed: its body is not valid JSON, or a header or parameter cannot be read.";
            default -> "The request cannot be served.";
        };
    }

    /** Turns a validation path such as {@code create.request.pay.min} into the body path {@code pay.min}. */
    private static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : propertyPath;
    }
}
