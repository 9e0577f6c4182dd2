package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresIT {

    private static String query(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void servesItsDatabaseAndExtraOnesThenLeavesNothingBehind() throws Exception {
        Path instance;
        String url;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            url = postgres.jdbcUrl();
            instance = instanceOf(postgres);
            postgres.createDatabase("extra_db");

            assertThat(query(url, postgres.username(), "select current_database()")).isEqualTo("switchman");
            assertThat(query(postgres.jdbcUrl("extra_db"), postgres.username(), "select current_database()"))
                    .isEqualTo("extra_db");
        }
        assertThat(instance).doesNotExist();
        assertThatThrownBy(() -> query(url, "switchman", "select 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void aServerLeftByADeadProcessIsStoppedAndDeletedByTheNextStart() throws Exception {
        EmbeddedPostgres orphan = EmbeddedPostgres.start();
        Path instance = instanceOf(orphan);
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(instance.resolve("owner.pid"), Long.toString(finished.pid()));

        try (EmbeddedPostgres next = EmbeddedPostgres.start()) {
            assertThat(instance).doesNotExist();
            assertThatThrownBy(() -> query(orphan.jdbcUrl(), "switchman", "select 1")).isInstanceOf(SQLException.class);
            assertThat(query(next.jdbcUrl(), next.username(), "select 1")).isEqualTo("1");
        } finally {
            orphan.close();
        }
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            assertThatThrownBy(() -> postgres.createDatabase("x; drop database switchman"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Path instanceOf(EmbeddedPostgres postgres) {
        List<Path> matching = PostgresProcesses.instanceDirectories().stream()
                .filter(dir -> Files.exists(dir.resolve("data/postmaster.pid")))
                .filter(dir -> readQuietly(dir.resolve("data/postmaster.pid")).contains("\n" + postgres.port() + "\n"))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
