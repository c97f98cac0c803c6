package dev.aitrainingdirectory.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST application: its OpenAPI description and the API-key security scheme. Reads are public and take a key
 * optionally (a partner key identifies its caller); each write operation requires a key on its own.
 */
@OpenAPIDefinition(
        info = @Info(title = "AI training work directory API", version = "1.0.0",
                description = "Which contractor platforms have open AI-training (RLHF and data) work today, what it pays,"
                        + " and who may apply from which country, in which language, with which credentials.\n\n"
                        + "Reads are public: send no key, or a partner key to be known as a partner. Writes need a"
                        + " curator key as `Authorization: Bearer <api-key>`. Every single resource has an `ETag`:"
                        + " `If-None-Match` gets 304 while it is unchanged, and updates and deletes need `If-Match`."
                        + " Listings and platforms are paged (`page` from 0, `size` up to 100) with a `Link` header; the"
                        + " short collections answer `{items}` whole, and the changes feed pages by cursor. Unknown query"
                        + " parameters and unknown JSON properties are rejected with 400. Errors are RFC 9457 problem"
                        + " details (`application/problem+json`). Enumerations may gain values: clients must tolerate"
                        + " values they do not know.\n\n"
                        + "The guide to the API, with its concepts and a worked request for each use case, is"
                        + " `docs/API.md` in the service's repository.",
                contact = @Contact(name = "Directory API team"),
                license = @License(name = "Apache 2.0", url = "https://www.apache.org/licenses/LICENSE-2.0.html")),
        servers = @Server(url = "/", description = "The deployment serving this document, in production, staging or a"
                + " local run.", extensions = @Extension(name = "x-internal", value = "false", parseValue = true)),
        securitySets = {@SecurityRequirementsSet, @SecurityRequirementsSet(@SecurityRequirement(name = DirectoryApi.API_KEY))})
@SecurityScheme(securitySchemeName = DirectoryApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key sent as `Authorization: Bearer <api-key>`. Curator keys may write; partner keys only read."
                + " Keys are issued by the directory team and stored only as SHA-256 digests.")
public class DirectoryApi extends Application {

    /** The name of the API-key security scheme in the OpenAPI document. */
    public static final String API_KEY = "apiKey";
}
