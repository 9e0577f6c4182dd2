/**
 * Database backups: {@code pg_dump} in custom format, dumped once and copied to each of a database's
 * destinations (filesystem, S3-compatible: 3-2-1), each copy written atomically with a SHA-256 checksum and a
 * JSON manifest beside it and read back to verify it; the catalog of copies and restore drills in the state
 * store; grandfather-father-son retention per destination and orphan cleanup, as pure functions, after every
 * backup; deep verification of an archive ({@code pg_restore --list} holds the expected tables); restore,
 * restore drills into a scratch database, the cron-driven scheduler (leader
 * only, its last runs read from the catalog so restarts miss nothing), metrics, notifications of
 * failed and recovered backups and drills, and on-demand Railway volume backups.
 *
 * <p>May import JDBC, jakarta CDI, Quarkus scheduler, Micrometer, Jackson, the AWS SDK (S3 only), and the
 * desired, observed, config, railway, apply (Railway targets), source (the desired state in force), migrate
 * (the pre-migration backup port), notify, redaction and store packages; never reconcile: the loop does not
 * know backups exist, and the leader lock comes from the store.
 * Database passwords never reach a log or a process's argument list: they go to {@code pg_dump}
 * and {@code pg_restore} through {@code PGPASSWORD}.
 */
package dev.switchman.backup;
