package dev.aitrainingdirectory.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.http.DirectoryApi;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.Ids;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.http.Responses;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageLinks;
import dev.aitrainingdirectory.paging.PageRequest;
import dev.aitrainingdirectory.params.PageParams;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A partner's webhooks, managed with its own account key: no other key reads or writes them, a curator's included.
 * Deliveries follow the Standard Webhooks specification; the payloads are in the document's {@code webhooks}.
 */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@SecurityRequirement(name = DirectoryApi.API_KEY, scopes = Roles.PARTNER)
@Tag(name = "Webhooks", description = "Listing events pushed to partners: created, updated, closed and deleted listings,"
        + " filtered like a search, signed by the Standard Webhooks rules and retried for a day. Needs a partner account's key.")
public class WebhookResource {

    @Inject
    WebhookService webhooks;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    CuratedWrites writes;
    @Inject
    ObjectMapper objectMapper;

    @GET
    @Operation(operationId = "listWebhooks", summary = "List your webhooks", description = "Your webhooks, oldest first.")
    @APIResponse(responseCode = "200", description = "One page of webhooks; the `Link` header holds first, prev, next and"
            + " last.", headers = @Header(ref = "Link"))
    public RestResponse<Page<WebhookResponse>> listWebhooks(@BeanParam PageParams params, @Context UriInfo uriInfo) {
        PageRequest page = params.request();
        return PageLinks.ok(Page.of(Webhook.<Webhook>find("partnerId", Sort.by("id"), webhooks.callerPartnerId()), page,
                webhook -> webhooks.response(webhook, false)), uriInfo);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Create a webhook",
            description = "Subscribes a URL to listing events. The answer holds the signing `secret`, which no later answer"
                    + " shows. The URL must be https on the public internet (an address on a private network is refused,"
                    + " also at every delivery); a partner holds at most ten webhooks.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names it, and `secret` is in this answer only.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookResponse.class)))
    public RestResponse<WebhookResponse> createWebhook(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookRequest.class),
                    examples = @ExampleObject(name = "newsletter", summary = "New work in India", value = WebhookRequest.EXAMPLE)))
            WebhookRequest body, @Context UriInfo uriInfo) {
        Webhook webhook = writes.create(webhooks, body);
        return Responses.created(uriInfo.getBaseUriBuilder().path("api/webhooks/{id}").build(webhook.id),
                EntityTags.of(webhook.version), webhooks.response(webhook, true));
    }

    @GET
    @Path("{id}")
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "getWebhook", summary = "Read a webhook",
            description = "One of your webhooks, with whether it is enabled and, if the service disabled it, why.")
    @APIResponse(responseCode = "200", description = "The webhook.", headers = @Header(ref = "ETag"))
    public RestResponse<WebhookResponse> getWebhook(@Parameter(ref = "WebhookId") @PathParam("id") String id,
            @Context Request request) {
        Webhook webhook = webhooks.owned(Ids.parse(id, "webhook"));
        return EntityTags.conditionalGet(request, EntityTags.of(webhook.version), () -> webhooks.response(webhook, false));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "updateWebhook", summary = "Update a webhook",
            description = "Applies a JSON merge patch (RFC 7396): `{\"enabled\": true}` resumes a webhook the service"
                    + " disabled, `{\"filters\": {\"country\": [\"IN\", \"PH\"]}}` changes one filter and keeps the others."
                    + " Needs `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(ref = "ETag"))
    public RestResponse<WebhookResponse> updateWebhook(@Parameter(ref = "WebhookId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "A JSON merge patch of the webhook's writable fields.", required = true, content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(ref = "WebhookPatch"),
                    examples = @ExampleObject(name = "resume", summary = "Resume deliveries", value = "{\"enabled\": true}")))
            byte[] patch) {
        Webhook webhook = writes.patch(webhooks, Ids.parse(id, "webhook"), ifMatch, MergePatch.read(objectMapper, patch));
        return Responses.ok(EntityTags.of(webhook.version), webhooks.response(webhook, false));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Stops its deliveries, pending ones included, and forgets them. Needs `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void deleteWebhook(@Parameter(ref = "WebhookId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(webhooks, Ids.parse(id, "webhook"), ifMatch);
    }

    @POST
    @Path("{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's secret",
            description = "A new signing secret, shown in this answer only. For a day every delivery is signed with both the"
                    + " new and the previous secret, so that a receiver verifies with either while it switches over.")
    @APIResponse(responseCode = "200", description = "The new secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedSecret.class)))
    public RotatedSecret rotateWebhookSecret(@Parameter(ref = "WebhookId") @PathParam("id") String id) {
        return webhooks.rotateSecret(Ids.parse(id, "webhook"));
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "testWebhook", summary = "Send a ping",
            description = "Sends a `webhook.ping` now, signed like every delivery, and answers what the receiver did. Works"
                    + " on a disabled webhook too, to check a receiver before enabling it again; a ping is tried once.")
    @APIResponse(responseCode = "200", description = "The ping's delivery: `DELIVERED` when the receiver answered 2xx.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResponse.class)))
    public DeliveryResponse testWebhook(@Parameter(ref = "WebhookId") @PathParam("id") String id) {
        return dispatcher.ping(Ids.parse(id, "webhook"), TimestampedEntity.now());
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "What was sent to the webhook and what became of it, newest first: status, attempts, the"
                    + " receiver's status code and the start of its answer.")
    @APIResponse(responseCode = "200", description = "One page of deliveries; the `Link` header holds first, prev, next"
            + " and last.", headers = @Header(ref = "Link"))
    public RestResponse<Page<DeliveryResponse>> listWebhookDeliveries(@Parameter(ref = "WebhookId") @PathParam("id") String id,
            @BeanParam PageParams params, @Context UriInfo uriInfo) {
        PageRequest page = params.request();
        Webhook webhook = webhooks.owned(Ids.parse(id, "webhook"));
        return PageLinks.ok(Page.of(WebhookDelivery.<WebhookDelivery>find("webhookId", Sort.by("createdAt", Sort.Direction.Descending)
                .and("seq", Sort.Direction.Descending).and("id"), webhook.id), page, DeliveryResponse::of), uriInfo);
    }
}
