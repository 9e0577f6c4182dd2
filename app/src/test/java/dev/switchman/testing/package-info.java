/**
 * Test infrastructure shared by every test: the one PostgreSQL of a test JVM ({@link
 * dev.switchman.testing.SharedPostgres}) with a fresh database per test class ({@link
 * dev.switchman.testing.TestPostgres}, a JUnit extension) and per Quarkus start ({@link
 * dev.switchman.testing.PostgresTestResource}, registered globally); store truncation read from the
 * schema; the locator of Railway's real schema; the repository's root, for the files that live there
 * rather than in this module; the rules every test follows; and helpers that write desired-state
 * trees, run a git remote and receive webhooks.
 *
 * <p>May import the product's packages, JUnit, Quarkus's test API and the JDBC driver; no product
 * package imports it.
 */
package dev.switchman.testing;
