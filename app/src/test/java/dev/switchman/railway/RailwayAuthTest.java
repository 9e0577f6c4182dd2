package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RailwayAuthTest {

    @Test
    void aProjectTokenWinsAndGoesInProjectAccessToken() {
        RailwayAuth auth = RailwayAuth.choose(Optional.of("proj-tok"), Optional.of("acct-tok")).orElseThrow();

        assertThat(auth.headerName()).isEqualTo("Project-Access-Token");
        assertThat(auth.headerValue()).isEqualTo("proj-tok");
        assertThat(auth.source()).isEqualTo(RailwayAuth.Source.PROJECT_TOKEN);
    }

    @Test
    void anAccountTokenGoesInABearerAuthorization() {
        RailwayAuth auth = RailwayAuth.choose(Optional.empty(), Optional.of("acct-tok")).orElseThrow();

        assertThat(auth.headerName()).isEqualTo("Authorization");
        assertThat(auth.headerValue()).isEqualTo("Bearer acct-tok");
    }

    @Test
    void aBlankProjectTokenCountsAsUnset() {
        RailwayAuth auth = RailwayAuth.choose(Optional.of("  "), Optional.of("acct-tok")).orElseThrow();

        assertThat(auth.source()).isEqualTo(RailwayAuth.Source.API_TOKEN);
    }

    @Test
    void noTokenMeansNoHeader() {
        assertThat(RailwayAuth.choose(Optional.empty(), Optional.of(""))).isEmpty();
    }

    @Test
    void printingItNeverShowsTheToken() {
        RailwayAuth auth = RailwayAuth.choose(Optional.of("proj-secret"), Optional.empty()).orElseThrow();

        assertThat(auth.toString()).doesNotContain("proj-secret").contains("Project-Access-Token");
    }
}
