package dev.switchman.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void railwayUrlBecomesJdbcUrlUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:s3cr3t@postgres.railway.internal:5432/railway");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres.railway.internal:5432/railway");
        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("s3cr3t");
    }

    @Test
    void postgresSchemeIsAcceptedToo() {
        assertThat(DatabaseUrl.parse("postgres://u:p@db.example.com:6543/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:6543/app");
    }

    @Test
    void percentEncodedSpecialCharactersInThePasswordAreDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app%40acme:p%40ss%3Aw%2Fo%25rd%20%C3%A9+x@host/db");

        assertThat(url.username()).isEqualTo("app@acme");
        assertThat(url.password()).isEqualTo("p@ss:w/o%rd é+x");
    }

    @Test
    void unencodedAtSignAndSlashInThePasswordStillParse() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:pa/ss@word@host:5432/db");

        assertThat(url.password()).isEqualTo("pa/ss@word");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void missingPortLeavesTheDriverDefault() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@host/db").jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    }

    @Test
    void sslModeAndOtherDriverParametersAreKeptAndRenamedWhereNeeded() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://u:p@host:5432/db?sslmode=require&application_name=switch%20man&connect_timeout=10&fallback=x");

        assertThat(url.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://host:5432/db?sslmode=require&ApplicationName=switch%20man&connectTimeout=10");
    }

    @Test
    void userAndPasswordMayComeFromTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://host/db?user=app&password=p%26q&sslmode=verify-full");

        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p&q");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db?sslmode=verify-full");
    }

    @Test
    void withoutCredentialsNeitherUserNorPasswordIsSet() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://[::1]:5432/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void severalHostsArePassedThrough() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@h1:5432,h2:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db");
    }

    @Test
    void thePasswordNeverShowsInTextOrErrors() {
        assertThat(DatabaseUrl.parse("postgresql://u:hunter2@host/db").toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@host/db"))
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2@/db"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void datasourcePropertiesLeaveOutWhatTheUrlDoesNotSay() {
        assertThat(DatabaseUrlConfigSourceFactory.properties(DatabaseUrl.parse("postgresql://host/db")))
                .containsOnlyKeys("quarkus.datasource.jdbc.url");
        assertThat(DatabaseUrlConfigSourceFactory.properties(DatabaseUrl.parse("postgresql://u:p@host/db")))
                .containsEntry("quarkus.datasource.username", "u")
                .containsEntry("quarkus.datasource.password", "p");
    }
}
