package dev.switchman.reconcile;

import dev.switchman.store.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Base of reconciler ITs: one PostgreSQL per class, a fresh {@link ReconcileHarness} per test. */
abstract class SandboxReconcileIT {

    static EmbeddedPostgres postgres;
    static PGSimpleDataSource dataSource;

    @TempDir
    Path desiredDir;
    ReconcileHarness h;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgres.start();
        dataSource = ReconcileHarness.migrated(postgres);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        h = ReconcileHarness.fresh(dataSource, desiredDir);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }
}
