package dev.switchman.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnvironmentRowTest {

    @Test
    void anEnvironmentReadLessOftenThanDeclaredToFitTheBudgetSaysHowOften() {
        assertThat(EnvironmentRow.stretched(Duration.ofSeconds(60), Duration.ofSeconds(150)))
                .isEqualTo("read every 3 min, not 60 s: the API budget");
        assertThat(EnvironmentRow.stretched(Duration.ofMinutes(5), Duration.ofMinutes(95)))
                .isEqualTo("read every 2 h, not 5 min: the API budget");
    }

    @Test
    void anEnvironmentReadAsDeclaredOrNotScheduledSaysNothing() {
        assertThat(EnvironmentRow.stretched(Duration.ofSeconds(60), Duration.ofSeconds(60))).isNull();
        assertThat(EnvironmentRow.stretched(null, null)).isNull();
    }

    @Test
    void deepLinksEncodeNamesAsPathSegments() {
        assertThat(EnvironmentRow.href("shop", "production")).isEqualTo("/environments/shop/production");
        assertThat(EnvironmentRow.href("my shop", "pr/12")).isEqualTo("/environments/my%20shop/pr%2F12");
        assertThat(EnvironmentRow.api("shop", "production")).isEqualTo("/api/v1/environments/shop%2Fproduction");
    }
}
