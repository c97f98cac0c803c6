package dev.aitrainingdirectory.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.http.DirectoryApi;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.Ids;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.http.Responses;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageLinks;
import dev.aitrainingdirectory.params.PageParams;
import dev.aitrainingdirectory.problem.ProblemException;
import dev.aitrainingdirectory.security.Caller;
import dev.aitrainingdirectory.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
 * Partner accounts, managed by curators: a partner's keys are issued and revoked here, and a partner reads its own
 * account at {@code /api/partners/me}. No partner key manages accounts or keys, its own included.
 */
@Path("/api/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@SecurityRequirement(name = DirectoryApi.API_KEY, scopes = Roles.CURATOR)
@Tag(name = "Partners", description = "Partner accounts and their API keys. Curators create accounts and issue keys; a"
        + " partner reads its own account and owns webhooks with its key.")
public class PartnerResource {

    @Inject
    PartnerService partners;
    @Inject
    CuratedWrites writes;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "listPartners", summary = "List partner accounts", description = "Every partner account, oldest first.")
    @APIResponse(responseCode = "200", description = "One page of partner accounts; the `Link` header holds first, prev,"
            + " next and last.", headers = @Header(ref = "Link"))
    public RestResponse<Page<PartnerResponse>> listPartners(@BeanParam PageParams params, @Context UriInfo uriInfo) {
        return PageLinks.ok(Page.of(Partner.<Partner>findAll(Sort.by("id")), params.request(), PartnerResponse::of), uriInfo);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartner", summary = "Create a partner account",
            description = "A partner account without keys; issue its first key with `POST /api/partners/{id}/keys`.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerResponse.class)))
    public RestResponse<PartnerResponse> createPartner(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerRequest.class),
                    examples = @ExampleObject(name = "partner", summary = "A newsletter", value = PartnerRequest.EXAMPLE)))
            PartnerRequest body, @Context UriInfo uriInfo) {
        Partner partner = writes.create(partners, body);
        return Responses.created(uriInfo.getBaseUriBuilder().path("api/partners/{id}").build(partner.id),
                EntityTags.of(partner.version), PartnerResponse.of(partner));
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.PARTNER)
    @SecurityRequirement(name = DirectoryApi.API_KEY, scopes = Roles.PARTNER)
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "getOwnPartnerAccount", summary = "Read your own partner account",
            description = "The account of the partner key sent: its name, contact and keys with their creation and last"
                    + " use. A partner key from the service's configuration has no account (403).")
    @APIResponse(responseCode = "200", description = "The caller's partner account.", headers = @Header(ref = "ETag"))
    public RestResponse<PartnerResponse> getOwnPartnerAccount(@Context Request request) {
        Long partnerId = Caller.of(identity).partnerId();
        if (partnerId == null) {
            throw new ProblemException(403, "This partner key comes from the service's configuration and belongs to no"
                    + " partner account; ask the directory for an account key.");
        }
        return read(partnerId, request);
    }

    @GET
    @Path("{id}")
    @Parameter(ref = "IfNoneMatch")
    @Operation(operationId = "getPartner", summary = "Read a partner account",
            description = "One partner account with its keys (never the keys themselves).")
    @APIResponse(responseCode = "200", description = "The partner account.", headers = @Header(ref = "ETag"))
    public RestResponse<PartnerResponse> getPartner(@Parameter(ref = "PartnerId") @PathParam("id") String id,
            @Context Request request) {
        return read(Ids.parse(id, "partner"), request);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "updatePartner", summary = "Update a partner account",
            description = "Applies a JSON merge patch (RFC 7396) to the name or contact. Needs `If-Match`.")
    @APIResponse(responseCode = "200", description = "Updated.", headers = @Header(ref = "ETag"))
    public RestResponse<PartnerResponse> updatePartner(@Parameter(ref = "PartnerId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(description = "A JSON merge patch of the account's writable fields.", required = true, content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(ref = "PartnerPatch"),
                    examples = @ExampleObject(name = "contact", summary = "A new contact",
                            value = "{\"contactEmail\": \"webhooks@example.org\"}"))) byte[] patch) {
        Partner partner = writes.patch(partners, Ids.parse(id, "partner"), ifMatch, MergePatch.read(objectMapper, patch));
        return Responses.ok(EntityTags.of(partner.version), PartnerResponse.of(partner));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deletePartner", summary = "Delete a partner account",
            description = "Removes the account with its keys, which stop working at once, and its webhooks, which stop"
                    + " receiving. Needs `If-Match`.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public void deletePartner(@Parameter(ref = "PartnerId") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writes.delete(partners, Ids.parse(id, "partner"), ifMatch);
    }

    @POST
    @Path("{id}/keys")
    @Operation(operationId = "issuePartnerKey", summary = "Issue a key to a partner",
            description = "A new random key, prefixed `dir_pk_` so that a leaked one is easy to recognise. The answer is"
                    + " the only place the key appears: the service keeps its SHA-256 digest. A partner holds at most two"
                    + " keys, so that it can rotate: issue the new one, switch over, revoke the old one (409 with two).")
    @APIResponse(responseCode = "201", description = "Issued; `key` is in this answer only.",
            headers = @Header(name = "Location", description = "The partner account that holds the key, which lists it.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedPartnerKey.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<IssuedPartnerKey> issuePartnerKey(@Parameter(ref = "PartnerId") @PathParam("id") String id,
            @Context UriInfo uriInfo) {
        long partnerId = Ids.parse(id, "partner");
        IssuedPartnerKey key = partners.issueKey(partnerId);
        return RestResponse.ResponseBuilder.<IssuedPartnerKey>create(RestResponse.Status.CREATED, key)
                .location(uriInfo.getBaseUriBuilder().path("api/partners/{id}").build(partnerId)).build();
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    @Operation(operationId = "revokePartnerKey", summary = "Revoke a partner's key",
            description = "The key is refused (401) from the next request on, on every instance. Needs no `If-Match`: a"
                    + " leaked key must be revocable without reading the account first.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public void revokePartnerKey(@Parameter(ref = "PartnerId") @PathParam("id") String id,
            @Parameter(ref = "PartnerKeyId") @PathParam("keyId") String keyId) {
        partners.revokeKey(Ids.parse(id, "partner"), Ids.parse(keyId, "key of this partner"));
    }

    private RestResponse<PartnerResponse> read(long partnerId, Request request) {
        Partner partner = partners.load(partnerId);
        return EntityTags.conditionalGet(request, EntityTags.of(partner.version), () -> PartnerResponse.of(partner));
    }
}
