package dev.aitrainingdirectory.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answers of write operations (201 with Location, or 200, each with the new ETag) and of reads
 * served from JSON serialized earlier.
 */
public final class Responses {

    private Responses() {
    }

    public static <T> RestResponse<T> created(URI location, EntityTag tag, T body) {
        return RestResponse.ResponseBuilder.<T>created(location).tag(tag).entity(body).build();
    }

    public static <T> RestResponse<T> ok(EntityTag tag, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(tag).build();
    }

    /**
     * 304 when the request's {@code If-None-Match} names {@code tag}, else 200 with {@code json} as it is.
     * The answer is declared as the {@code T} that {@code json} is the serialized form of, so that the
     * operation's documented schema stays that of {@code T}; the JSON writer of RESTEasy Reactive writes a
     * {@code String} entity as it is, without a second serialization (SearchCacheTest checks the body).
     */
    @SuppressWarnings("unchecked")
    public static <T> RestResponse<T> cachedJson(Request request, String json, EntityTag tag, String cacheControl,
            List<Link> links) {
        if (request.evaluatePreconditions(tag) != null) {
            return RestResponse.ResponseBuilder.<T>notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return RestResponse.ResponseBuilder.ok((T) (Object) json, MediaType.APPLICATION_JSON_TYPE)
                .tag(tag)
                .links(links.toArray(Link[]::new))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }
}
