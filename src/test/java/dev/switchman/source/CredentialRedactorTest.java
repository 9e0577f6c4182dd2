package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CredentialRedactorTest {

    @Test
    void hidesUserInfoInEveryUrlOfAText() {
        assertThat(CredentialRedactor.redactUrl("https://x-access-token:ghp_abc@github.com/acme/infra.git: not found"))
                .isEqualTo("https://***@github.com/acme/infra.git: not found");
        assertThat(CredentialRedactor.redactUrl("from http://u@a/b to https://u:p@c/d"))
                .isEqualTo("from http://***@a/b to https://***@c/d");
        assertThat(CredentialRedactor.redactUrl("file:///tmp/remote.git")).isEqualTo("file:///tmp/remote.git");
    }

    @Test
    void hidesTheTokenWhereverItAppears() {
        CredentialRedactor redactor = new CredentialRedactor(Optional.of("s3cret-token"));
        assertThat(redactor.redact("auth failed for s3cret-token at https://h/r"))
                .isEqualTo("auth failed for *** at https://h/r");
    }
}
