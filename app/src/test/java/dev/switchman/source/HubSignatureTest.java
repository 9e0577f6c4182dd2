package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vectors computed independently with {@code openssl dgst -sha256 -hmac <secret>} over the same bytes. */
class HubSignatureTest {

    private static final String SECRET = "switchman-webhook-secret";
    private static final byte[] PUSH = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PUSH_SIGNATURE =
            "sha256=da85df5a550198445391af38232cb780f00fc64c2690579f8dbb304608ab914f";
    private static final String EMPTY_SIGNATURE =
            "sha256=17565fbd2268c5964a35e33a2ed9e9e9b4615109ba11db816a89e13fb248bafb";

    @Test
    void signsLikeGitHub() {
        assertThat(HubSignature.sign(SECRET, PUSH)).isEqualTo(PUSH_SIGNATURE);
        assertThat(HubSignature.sign(SECRET, new byte[0])).isEqualTo(EMPTY_SIGNATURE);
    }

    @Test
    void acceptsTheExactSignatureOfTheBody() {
        assertThat(HubSignature.verify(SECRET, PUSH, PUSH_SIGNATURE)).isTrue();
        assertThat(HubSignature.verify(SECRET, new byte[0], EMPTY_SIGNATURE)).isTrue();
    }

    @Test
    void rejectsAnotherBodyOrSecret() {
        byte[] tampered = "{\"ref\":\"refs/heads/mainx\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(HubSignature.verify(SECRET, tampered, PUSH_SIGNATURE)).isFalse();
        assertThat(HubSignature.verify("another-secret", PUSH, PUSH_SIGNATURE)).isFalse();
    }

    @Test
    void rejectsMalformedHeaders() {
        String hex = PUSH_SIGNATURE.substring("sha256=".length());
        assertThat(HubSignature.verify(SECRET, PUSH, null)).isFalse();
        assertThat(HubSignature.verify(SECRET, PUSH, "")).isFalse();
        assertThat(HubSignature.verify(SECRET, PUSH, hex)).isFalse();
        assertThat(HubSignature.verify(SECRET, PUSH, "sha1=" + hex)).isFalse();
        assertThat(HubSignature.verify(SECRET, PUSH, PUSH_SIGNATURE + "00")).isFalse();
        assertThat(HubSignature.verify(SECRET, PUSH, PUSH_SIGNATURE.substring(0, PUSH_SIGNATURE.length() - 1)))
                .isFalse();
        assertThat(HubSignature.verify(SECRET, PUSH, "sha256=" + "zz".repeat(32))).isFalse();
    }

    @Test
    void neverAcceptsWithoutASecret() {
        assertThat(HubSignature.verify("", new byte[0], HubSignature.sign("x", new byte[0]))).isFalse();
        assertThat(HubSignature.verify(null, PUSH, PUSH_SIGNATURE)).isFalse();
    }
}
