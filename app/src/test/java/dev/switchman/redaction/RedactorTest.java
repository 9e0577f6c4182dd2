package dev.switchman.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void aShortSecretNeverManglesOrdinaryWords() {
        Redactor redactor = Redactor.of("p", "pass");

        assertThat(redactor.redact("could not connect: port 5432 refused, password authentication failed"))
                .isEqualTo("could not connect: port 5432 refused, password authentication failed");
    }

    @Test
    void aSecretOfTheMinimumLengthIsHiddenWhereItStandsAsAWholeValue() {
        Redactor redactor = Redactor.of("hunter2");

        assertThat(redactor.redact("login hunter2 failed; 'hunter2'; key=hunter2&x=1; hunter2s stays"))
                .isEqualTo("login *** failed; '***'; key=***&x=1; hunter2s stays");
    }

    @Test
    void aLongSecretIsHiddenEvenInsideAWord() {
        Redactor redactor = Redactor.of("ghp_0123456789abcdef");

        assertThat(redactor.redact("tokenghp_0123456789abcdefX")).isEqualTo("token***X");
    }

    @Test
    void credentialsInUrlsAreHiddenWhateverTheirLengthAndWhetherOrNotTheyAreKnown() {
        Redactor none = Redactor.urlCredentials();

        assertThat(none.redact("https://x-access-token:ghp_abc@github.com/acme/infra.git: not found"))
                .isEqualTo("https://***@github.com/acme/infra.git: not found");
        assertThat(none.redact("from http://u@a/b to postgresql://u:p@c:5432/d"))
                .isEqualTo("from http://***@a/b to postgresql://***@c:5432/d");
        assertThat(none.redact("jdbc:postgresql://db/app?user=app&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
        assertThat(none.redact("file:///tmp/remote.git")).isEqualTo("file:///tmp/remote.git");
    }

    @Test
    void aKnownUrlIsHiddenWholeAndItsPasswordOnItsOwn() {
        Redactor redactor = Redactor.of("postgresql://app:s3cr%3Ft@db.internal:5432/app");

        assertThat(redactor.redact("cannot reach postgresql://app:s3cr%3Ft@db.internal:5432/app"))
                .isEqualTo("cannot reach ***");
        assertThat(redactor.redact("FATAL: password \"s3cr?t\" rejected; raw s3cr%3Ft"))
                .isEqualTo("FATAL: password \"***\" rejected; raw ***");
    }

    @Test
    void nullBlankAndEmptyValuesAreIgnored() {
        Redactor redactor = Redactor.of(null, "", "   ");

        assertThat(redactor.redact("nothing to hide")).isEqualTo("nothing to hide");
        assertThat(redactor.redact(null)).isNull();
    }
}
