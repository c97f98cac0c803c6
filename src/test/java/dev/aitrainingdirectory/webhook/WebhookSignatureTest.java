package dev.aitrainingdirectory.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are signed exactly as Standard Webhooks libraries verify them, with secrets in the form they read: a
 * receiver checks our webhooks with an off-the-shelf library and no code of ours.
 */
class WebhookSignatureTest {

    /** The example published with the Standard Webhooks reference libraries, signed there, not here. */
    private static final String PUBLISHED_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String PUBLISHED_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long PUBLISHED_TIMESTAMP = 1614265330;
    private static final String PUBLISHED_BODY = "{\"test\": 2432232314}";
    private static final String PUBLISHED_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSignatureMatchesThePublishedStandardWebhooksExample() {
        assertThat(WebhookSignature.header(PUBLISHED_ID, PUBLISHED_TIMESTAMP, PUBLISHED_BODY, List.of(PUBLISHED_SECRET)))
                .isEqualTo(PUBLISHED_SIGNATURE);
    }

    @Test
    void duringARotationBothSecretsSignSpaceSeparatedCurrentFirst() {
        String previous = WebhookSecret.generate();

        String header = WebhookSignature.header(PUBLISHED_ID, PUBLISHED_TIMESTAMP, PUBLISHED_BODY, List.of(PUBLISHED_SECRET, previous));

        String previousAlone = WebhookSignature.header(PUBLISHED_ID, PUBLISHED_TIMESTAMP, PUBLISHED_BODY, List.of(previous));
        assertThat(header.split(" ")).containsExactly(PUBLISHED_SIGNATURE, previousAlone);
        assertThat(previousAlone).startsWith("v1,").isNotEqualTo(PUBLISHED_SIGNATURE);
    }

    @Test
    void theIdTheTimestampAndTheBodyAreAllSigned() {
        List<String> secret = List.of(PUBLISHED_SECRET);
        assertThat(List.of(
                WebhookSignature.header("msg_other", PUBLISHED_TIMESTAMP, PUBLISHED_BODY, secret),
                WebhookSignature.header(PUBLISHED_ID, PUBLISHED_TIMESTAMP + 1, PUBLISHED_BODY, secret),
                WebhookSignature.header(PUBLISHED_ID, PUBLISHED_TIMESTAMP, PUBLISHED_BODY + " ", secret)))
                .doesNotContain(PUBLISHED_SIGNATURE)
                .doesNotHaveDuplicates();
    }

    @Test
    void aMessageIdWithAFullStopOrNoSecretCannotBeSigned() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> WebhookSignature.header("msg.1", PUBLISHED_TIMESTAMP, PUBLISHED_BODY, List.of(PUBLISHED_SECRET)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> WebhookSignature.header(PUBLISHED_ID, PUBLISHED_TIMESTAMP, PUBLISHED_BODY, List.of()));
    }

    @Test
    void aGeneratedSecretIsThirtyTwoRandomBytesInStandardBase64AfterThePrefix() {
        String secret = WebhookSecret.generate();

        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44).endsWith("=");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(WebhookSecret.key(secret)).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void thePublishedSecretIsTheSmallestKeyTheSpecificationAllows() {
        assertThat(WebhookSecret.key(PUBLISHED_SECRET)).hasSize(24);
    }

    @Test
    void aSecretWithoutThePrefixOrNotInBase64OrOfTheWrongLengthIsRefused() {
        List<String> malformed = List.of(
                "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!",
                "whsec_",
                "whsec_" + Base64.getEncoder().encodeToString(new byte[23]),
                "whsec_" + Base64.getEncoder().encodeToString(new byte[65]));
        for (String secret : malformed) {
            assertThatIllegalArgumentException().as(secret).isThrownBy(() -> WebhookSecret.key(secret));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.key(null));
    }

    @Test
    void theLongestKeyTheSpecificationAllowsIsAccepted() {
        assertThat(WebhookSecret.key("whsec_" + Base64.getEncoder().encodeToString(new byte[64]))).hasSize(64);
    }
}
