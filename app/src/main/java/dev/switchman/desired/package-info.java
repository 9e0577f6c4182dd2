/**
 * The desired-state language: immutable records of what a team declares for its Railway
 * projects, the loader that reads them from YAML ({@link dev.switchman.desired.DesiredStateLoader}),
 * the language's single definition ({@link dev.switchman.desired.LanguageShape}, from which the
 * JSON Schema is generated), merging, semantic checks, the secrets check
 * ({@link dev.switchman.desired.DesiredStateValidator}), {@code Durations} and {@code CronExpression}.
 *
 * <p>A service's Railway settings are not spelled out here: their shape and binding derive from the
 * setting catalog ({@code dev.switchman.settings}).
 *
 * <p>Pure: imports only its subpackages {@code yaml}, {@code shape} and {@code diagnostic}, the setting catalog
 * ({@code dev.switchman.settings}), snakeyaml-engine, cron-utils and the JDK; nothing from Quarkus, HTTP or JDBC.
 * File reading happens only in the loader, which takes a directory and returns values.
 */
package dev.switchman.desired;
