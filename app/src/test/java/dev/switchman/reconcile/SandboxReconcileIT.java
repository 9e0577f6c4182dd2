package dev.switchman.reconcile;

import dev.switchman.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Base of reconciler ITs: a fresh store per class on the shared PostgreSQL, a fresh {@link ReconcileHarness} per test. */
abstract class SandboxReconcileIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @TempDir
    Path desiredDir;
    ReconcileHarness h;

    @BeforeEach
    void setUp() {
        h = ReconcileHarness.fresh(postgres.store(), desiredDir);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }
}
