package dev.aitrainingdirectory.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The REST application: its OpenAPI description and the API-key security scheme the write operations use. */
@OpenAPIDefinition(
        info = @Info(title = "AI training work directory API", version = "1.0.0",
                description = "Which contractor platforms have open AI-training (RLHF and data) work today, what it pays,"
                        + " and who may apply from which country, in which language, with which credentials. Reads are"
                        + " public; writes need a curator API key. Errors are RFC 9457 problem details.",
                contact = @Contact(name = "Directory API team"),
                license = @License(name = "Apache 2.0", url = "https://www.apache.org/licenses/LICENSE-2.0.html")),
        servers = @Server(url = "/", description = "This deployment"))
@SecurityScheme(securitySchemeName = DirectoryApi.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key sent as `Authorization: Bearer <api-key>`. Curator keys may write; partner keys only read.")
public class DirectoryApi extends Application {

    /** The name of the API-key security scheme in the OpenAPI document. */
    public static final String API_KEY = "apiKey";
}
