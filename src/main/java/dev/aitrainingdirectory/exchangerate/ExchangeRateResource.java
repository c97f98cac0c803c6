package dev.aitrainingdirectory.exchangerate;

import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.Responses;
import dev.aitrainingdirectory.paging.ItemList;
import dev.aitrainingdirectory.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The exchange rates that turn pay in any currency into hourly US dollars. */
@Path("/api/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@Tag(name = "Exchange rates", description = "What a unit of each currency is worth in US dollars: how pay in any currency"
        + " becomes the hourly USD figure that pay filters, sorts and counts use.")
public class ExchangeRateResource {

    @Inject
    ExchangeRateService exchangeRates;
    @Inject
    CuratedWrites writes;

    @GET
    @PermitAll
    @Operation(operationId = "listExchangeRates", summary = "List exchange rates",
            description = "Every currency with a rate, by code; a short reference list, not paged. USD is the currency"
                    + " rates convert to and is not listed: its rate is always 1.")
    @APIResponse(responseCode = "200", description = "Every exchange rate.")
    public ItemList<ExchangeRateResponse> listExchangeRates() {
        return new ItemList<>(ExchangeRate.listAllByCurrency().stream().map(ExchangeRateResponse::of).toList());
    }

    @GET
    @Path("{currency}")
    @PermitAll
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "getExchangeRate", summary = "Read an exchange rate",
            description = "One currency's rate. Send the `ETag` back in `If-None-Match` to get 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The exchange rate.", headers = @Header(ref = "ETag"))
    public RestResponse<ExchangeRateResponse> getExchangeRate(
            @Parameter(ref = "Currency") @PathParam("currency") String currency, @Context Request request) {
        ExchangeRate rate = exchangeRates.load(currency);
        return EntityTags.conditionalGet(request, EntityTags.of(rate.version), () -> ExchangeRateResponse.of(rate));
    }

    @PUT
    @Path("{currency}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putExchangeRate", summary = "Set an exchange rate",
            description = "Creates the currency's rate (201), or replaces it (200), then only with `If-Match` holding"
                    + " the ETag last read. The hourly USD pay of every listing paid in the currency is derived again"
                    + " at once: each such listing gets a new version and appears in the changes feed.")
    @APIResponse(responseCode = "200", description = "Replaced.", headers = @Header(ref = "ETag"))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "201", description = "Created; `Location` names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeRateResponse.class)))
    public RestResponse<ExchangeRateResponse> putExchangeRate(
            @Parameter(ref = "Currency") @PathParam("currency") String currency,
            @Parameter(name = "If-Match", description = "The ETag last read; needed when the rate exists (428 without it,"
                    + " 412 when it names another version), and left out to create one (412 with it).", schema = @Schema(type = SchemaType.STRING, maxLength = 1000,
                    pattern = "\\S")) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExchangeRateRequest.class), examples = @ExampleObject(name = "rate",
                            summary = "The euro's rate", value = ExchangeRateRequest.EXAMPLE)))
            ExchangeRateRequest body, @Context UriInfo uriInfo) {
        CuratedWrites.Put<ExchangeRate> written = writes.put(exchangeRates, currency, ifMatch, body);
        ExchangeRate rate = written.entity();
        if (written.created()) {
            return Responses.created(uriInfo.getBaseUriBuilder().path("api/exchange-rates/{currency}").build(rate.currency),
                    EntityTags.of(rate.version), ExchangeRateResponse.of(rate));
        }
        return Responses.ok(EntityTags.of(rate.version), ExchangeRateResponse.of(rate));
    }

    @DELETE
    @Path("{currency}")
    @Operation(operationId = "deleteExchangeRate", summary = "Delete an exchange rate",
            description = "Removes a rate that no listing's pay is in (409 otherwise). Needs `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void deleteExchangeRate(
            @Parameter(ref = "Currency") @PathParam("currency") String currency,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(exchangeRates, currency, ifMatch);
    }
}
