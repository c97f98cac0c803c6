package dev.aitrainingdirectory.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Builds the RFC 8288 {@code Link} header of a paged collection: first, prev, next and last. */
public final class PageLinks {

    private PageLinks() {
    }

    /** A 200 answer carrying the page and its links, each keeping every other query parameter. */
    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uriInfo) {
        return RestResponse.ResponseBuilder.ok(page).links(of(page, uriInfo).toArray(Link[]::new)).build();
    }

    /** The links of a page, each keeping every other query parameter of the request. */
    public static List<Link> of(Page<?> page, UriInfo uriInfo) {
        return of(page.page(), page.totalPages(), uriInfo);
    }

    /** The links around page {@code page} of {@code totalPages}, each keeping every other query parameter. */
    public static List<Link> of(long page, long totalPages, UriInfo uriInfo) {
        List<Link> links = new ArrayList<>();
        long lastPage = Math.max(totalPages - 1, 0);
        links.add(link(uriInfo, 0, "first"));
        if (page > 0) {
            links.add(link(uriInfo, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            links.add(link(uriInfo, page + 1, "next"));
        }
        links.add(link(uriInfo, lastPage, "last"));
        return links;
    }

    private static Link link(UriInfo uriInfo, long page, String relation) {
        return Link.fromUriBuilder(uriInfo.getRequestUriBuilder().replaceQueryParam("page", page)).rel(relation).build();
    }
}
