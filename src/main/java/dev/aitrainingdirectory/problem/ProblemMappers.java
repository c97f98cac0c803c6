package dev.aitrainingdirectory.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
        return answer(exception.status().getStatusCode(), exception.getMessage(), exception.errors(), uriInfo);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uriInfo) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uriInfo);
        }
        return answer(status, detailFor(status), List.of(), uriInfo);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException exception, UriInfo uriInfo) {
        String field = exception.getPropertyName();
        return answer(400, "The request body has a property this operation does not know.",
                List.of(new FieldError(field, "is not a known property")), uriInfo);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception, UriInfo uriInfo) {
        String location = exception.getLocation() == null ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
        return answer(400, "The request body is not valid JSON for this operation" + location + ".", List.of(), uriInfo);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uriInfo) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return answer(400, ProblemException.invalid(errors).getMessage(), errors, uriInfo);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable exception, UriInfo uriInfo) {
        LOG.errorf(exception, "Unexpected failure serving %s", uriInfo.getPath());
        return answer(500, "The service failed to answer this request; it has been logged.", List.of(), uriInfo);
    }

    private static Response answer(int status, String detail, List<FieldError> errors, UriInfo uriInfo) {
        Status known = Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Problem problem = new Problem("about:blank", title, status, detail, uriInfo.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this path.";
            case 405 -> "This path does not accept this method.";
            case 406 -> "This operation cannot answer in the media type that the Accept header asks for.";
            case 415 -> "This operation does not accept the request's Content-Type.";
            default -> "The request cannot be served.";
        };
    }

    /** Turns a validation path such as {@code create.request.pay.min} into the body path {@code pay.min}. */
    private static String fieldName(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : propertyPath;
    }
}
