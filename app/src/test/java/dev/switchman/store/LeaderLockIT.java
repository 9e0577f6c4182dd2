package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas' locks on one state store: one leads, the other takes over when it goes. */
@QuarkusTest
class LeaderLockIT {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    private final long key = ThreadLocalRandom.current().nextLong();
    private final List<Connection> opened = new ArrayList<>();
    private final List<LeaderLock> locks = new ArrayList<>();

    @AfterEach
    void releaseAll() {
        locks.forEach(LeaderLock::release);
    }

    @Test
    void exactlyOneLeadsAndTheOtherTakesOverAfterARelease() {
        LeaderLock first = lock();
        LeaderLock second = lock();

        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).isFalse();
        assertThat(first.tryAcquire()).isTrue();
        assertThat(List.of(first.isLeader(), second.isLeader())).containsExactly(true, false);

        first.release();

        assertThat(second.tryAcquire()).isTrue();
        assertThat(first.tryAcquire()).isFalse();
        assertThat(List.of(first.isLeader(), second.isLeader())).containsExactly(false, true);
    }

    @Test
    void whenTheLeadersConnectionDiesAStandbyTakesOverAndTheOldLeaderStandsDown() throws SQLException {
        LeaderLock first = lock();
        LeaderLock second = lock();
        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).isFalse();

        kill(opened.get(0));

        assertThat(second.tryAcquire()).isTrue();
        assertThat(first.tryAcquire()).isFalse();
        assertThat(first.isLeader()).isFalse();
        assertThat(second.leaderSince()).isPresent();
    }

    /** Ends the session from the server side, waiting until its process is gone (and its locks with it). */
    private void kill(Connection session) throws SQLException {
        int pid;
        try (Statement statement = session.createStatement();
                ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            pid = result.getInt(1);
        }
        try (Connection admin = DriverManager.getConnection(url, username.orElse(null), null);
                Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery("select pg_terminate_backend(" + pid + ", 10000)")) {
            result.next();
            assertThat(result.getBoolean(1)).isTrue();
        }
    }

    private LeaderLock lock() {
        LeaderLock lock = new LeaderLock(() -> {
            Connection connection = DriverManager.getConnection(url, username.orElse(null), null);
            opened.add(connection);
            return connection;
        }, key);
        locks.add(lock);
        return lock;
    }
}
