/**
 * The {@code switchman} command line: validate, plan, serve and version. Commands that only read
 * files (validate, plan) run without starting Quarkus, so they are fast and need no database;
 * {@code serve} starts the Quarkus application.
 *
 * <p>May import every other Switchman package; nothing imports this one.
 */
package dev.switchman.cli;
