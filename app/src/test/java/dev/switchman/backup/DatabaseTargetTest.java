package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password of a database URL reaches only {@code PGPASSWORD} and the JDBC properties. */
class DatabaseTargetTest {

    @Test
    void thePasswordIsKeptOutOfTheCommandLineUriAndToString() {
        DatabaseTarget target = DatabaseTarget.parse("postgresql://app:s%40cret@db.internal:5432/shop?sslmode=require");

        assertThat(target.uriWithoutPassword()).isEqualTo("postgresql://app@db.internal:5432/shop?sslmode=require");
        assertThat(target.password()).isEqualTo("s@cret");
        assertThat(target.database()).isEqualTo("shop");
        assertThat(target.toString()).doesNotContain("cret");
    }

    @Test
    void aPasswordGivenAsAParameterIsDroppedFromTheUriToo() {
        DatabaseTarget target = DatabaseTarget.parse("postgres://app@db:5432/shop?password=hunter2&sslmode=disable");

        assertThat(target.uriWithoutPassword()).isEqualTo("postgres://app@db:5432/shop?sslmode=disable");
        assertThat(target.password()).isEqualTo("hunter2");
    }

    @Test
    void anotherDatabaseOnTheSameServerKeepsHostUserAndParameters() {
        DatabaseTarget scratch = DatabaseTarget.parse("postgresql://app:pw@db:5432/shop?sslmode=require")
                .withDatabase("switchman_drill_x");

        assertThat(scratch.uriWithoutPassword()).isEqualTo("postgresql://app@db:5432/switchman_drill_x?sslmode=require");
        assertThat(scratch.jdbc().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/switchman_drill_x?sslmode=require");
        assertThat(scratch.password()).isEqualTo("pw");
    }
}
