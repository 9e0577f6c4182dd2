package dev.switchman.store;

import dev.switchman.config.SwitchmanConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * Only one replica acts at a time: the leader holds a PostgreSQL session advisory lock on a
 * connection of its own (not from the pool, so the lock can never go back to the pool with a
 * borrowed connection). A standby calls {@link #tryAcquire()} periodically; when the leader dies its
 * session ends, PostgreSQL drops the lock and the next standby to try becomes the leader.
 */
@ApplicationScoped
public class LeaderLock {

    private static final Logger LOG = Logger.getLogger(LeaderLock.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    /** Opens a new, dedicated connection to the state store. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private final long key;
    private Connection connection;
    private volatile boolean leader;
    private volatile Instant leaderSince;

    @Inject
    LeaderLock(SwitchmanConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this(() -> open(url, username, password), config.reconcile().leaderLockKey());
    }

    public LeaderLock(ConnectionSource connections, long key) {
        this.connections = connections;
        this.key = key;
    }

    /**
     * Becomes the leader if the lock is free, or checks that the lock is still held (its session
     * alive); returns whether this replica leads now.
     */
    public synchronized boolean tryAcquire() {
        try {
            if (leader) {
                if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    lost("its connection to the state store is gone");
                }
                return leader;
            }
            if (connection == null || !connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                closeQuietly();
                connection = connections.open();
            }
            if (query("select pg_try_advisory_lock(?)")) {
                leader = true;
                leaderSince = Instant.now();
                LOG.infof("this replica is now the leader (advisory lock %d)", key);
            }
        } catch (SQLException e) {
            if (leader) {
                lost(e.getMessage());
            } else {
                LOG.debugf("cannot try the leader lock: %s", e.getMessage());
                closeQuietly();
            }
        }
        return leader;
    }

    public boolean isLeader() {
        return leader;
    }

    /** When this replica became the leader, empty while it is a standby. */
    public Optional<Instant> leaderSince() {
        return leader ? Optional.ofNullable(leaderSince) : Optional.empty();
    }

    /** Unlocks and closes the connection; another replica may lead from now on. */
    @PreDestroy
    public synchronized void release() {
        if (leader) {
            try {
                query("select pg_advisory_unlock(?)");
            } catch (SQLException e) {
                LOG.debugf("unlock failed, closing the session drops the lock anyway: %s", e.getMessage());
            }
            LOG.info("released the leader lock");
        }
        leader = false;
        closeQuietly();
    }

    private boolean query(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void lost(String why) {
        LOG.warnf("lost the leader lock: %s", why);
        leader = false;
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            connection = null;
        }
    }

    private static Connection open(String url, Optional<String> username, Optional<String> password)
            throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "switchman-leader-lock");
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }
}
