package dev.aitrainingdirectory.observability;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Puts the request id into the logging context of the thread that serves the REST call. */
public class RequestIdLogging {

    @ServerRequestFilter(preMatching = true)
    public void putRequestIdInLogs(HttpHeaders headers) {
        String id = headers.getHeaderString(RequestIds.HEADER);
        if (id != null) {
            MDC.put(RequestIds.MDC_KEY, id);
        }
    }
}
