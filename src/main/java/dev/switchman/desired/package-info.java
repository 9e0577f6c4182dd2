/**
 * The desired-state language: immutable records of what a team declares for its Railway
 * projects, the loader that reads them from YAML, and the validator that reports every
 * problem at once with file, line and path.
 *
 * <p>Pure: imports nothing from Quarkus, HTTP or JDBC. File reading happens only in the loader,
 * which takes a directory and returns values.
 */
package dev.switchman.desired;
