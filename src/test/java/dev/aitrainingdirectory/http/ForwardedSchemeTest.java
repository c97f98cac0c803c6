package dev.aitrainingdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The links a client behind a TLS-terminating proxy is given: the same URI, with the scheme it used. */
class ForwardedSchemeTest {

    @Test
    void onlyTheSchemeChangesAndEscapedCharactersStayAsTheyWere() {
        URI uri = URI.create("http://api.example.com:8443/api/listings/a%2Fb?q=data%20labeling&country=IN");
        assertThat(ForwardedScheme.withScheme(uri, "https"))
                .hasToString("https://api.example.com:8443/api/listings/a%2Fb?q=data%20labeling&country=IN");
    }

    @Test
    void thePortThatWasTheOldSchemesDefaultIsDropped() {
        assertThat(ForwardedScheme.withScheme(URI.create("http://api.example.com:80/api?page=2"), "https"))
                .hasToString("https://api.example.com/api?page=2");
        assertThat(ForwardedScheme.withScheme(URI.create("http://api.example.com/api"), "https")).hasToString("https://api.example.com/api");
    }
}
