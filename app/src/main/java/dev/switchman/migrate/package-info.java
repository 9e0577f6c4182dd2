/**
 * Application-database migrations: versioned SQL from the desired-state tree applied with Flyway
 * (the library) to an environment's database, guarded as one sequence by
 * {@link dev.switchman.migrate.DatabaseMigrator}: a lease ({@link dev.switchman.migrate.MigrationLocks}) on
 * the physical database ({@link dev.switchman.migrate.DatabaseKey}), whichever environment asks -> history check (drift is reported, never repaired) -> verified pre-migration backup
 * ({@link dev.switchman.migrate.PreMigrationBackup}, a port the backup package implements) -> optional
 * dry run in a rolled-back transaction ({@link dev.switchman.migrate.DryRun}) -> migrate -> run log
 * ({@link dev.switchman.migrate.MigrationRuns}). {@link dev.switchman.migrate.MigrationGate} runs that for
 * every database of an environment before the reconciler deploys, and takes the verified backup before a
 * deploy that runs a database's migration command ({@link dev.switchman.migrate.CommandMigrationBackups});
 * the result is a
 * {@link dev.switchman.migrate.MigrationOutcome} the reconciler maps to its own outcome. Schema drift:
 * {@link dev.switchman.migrate.SchemaWatch} records the schema's snapshot after each migration
 * ({@link dev.switchman.migrate.SchemaCatalog}, {@link dev.switchman.migrate.SchemaBaselines}) and, through
 * the gate's {@code watchSchema} hook that the reconcile run calls, reports a hand-made change once per state.
 *
 * <p>May import desired, config (connection URLs), redaction, store (its exception, events), notify (the notifier, for
 * schema drift), Flyway and JDBC; never
 * Quarkus, CDI, HTTP or reconcile (the reconciler depends on this package, not the other way).
 * Connection URLs and passwords never appear in messages: see {@link dev.switchman.redaction.Redactor}.
 */
package dev.switchman.migrate;
