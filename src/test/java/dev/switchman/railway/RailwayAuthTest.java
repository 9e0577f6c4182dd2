package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RailwayAuthTest {

    @Test
    void a_project_token_wins_and_goes_in_project_access_token() {
        RailwayAuth auth = RailwayAuth.choose(Optional.of("proj-tok"), Optional.of("acct-tok")).orElseThrow();

        assertThat(auth.headerName()).isEqualTo("Project-Access-Token");
        assertThat(auth.headerValue()).isEqualTo("proj-tok");
        assertThat(auth.source()).isEqualTo(RailwayAuth.Source.PROJECT_TOKEN);
    }

    @Test
    void an_account_token_goes_in_a_bearer_authorization() {
        RailwayAuth auth = RailwayAuth.choose(Optional.empty(), Optional.of("acct-tok")).orElseThrow();

        assertThat(auth.headerName()).isEqualTo("Authorization");
        assertThat(auth.headerValue()).isEqualTo("Bearer acct-tok");
    }

    @Test
    void a_blank_project_token_counts_as_unset() {
        RailwayAuth auth = RailwayAuth.choose(Optional.of("  "), Optional.of("acct-tok")).orElseThrow();

        assertThat(auth.source()).isEqualTo(RailwayAuth.Source.API_TOKEN);
    }

    @Test
    void no_token_means_no_header() {
        assertThat(RailwayAuth.choose(Optional.empty(), Optional.of(""))).isEmpty();
    }

    @Test
    void printing_it_never_shows_the_token() {
        RailwayAuth auth = RailwayAuth.choose(Optional.of("proj-secret"), Optional.empty()).orElseThrow();

        assertThat(auth.toString()).doesNotContain("proj-secret").contains("Project-Access-Token");
    }
}
