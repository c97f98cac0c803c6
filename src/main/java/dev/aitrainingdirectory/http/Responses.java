package dev.aitrainingdirectory.http;

import jakarta.ws.rs.core.EntityTag;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** The answers of write operations: 201 with Location, or 200, each with the new ETag. */
public final class Responses {

    private Responses() {
    }

    public static <T> RestResponse<T> created(URI location, EntityTag tag, T body) {
        return RestResponse.ResponseBuilder.<T>created(location).tag(tag).entity(body).build();
    }

    public static <T> RestResponse<T> ok(EntityTag tag, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(tag).build();
    }
}
