/**
 * YAML as the desired-state loader sees it: a small immutable node tree in which every node keeps
 * the file, line and column it came from, read with hard limits (size, nesting depth, aliases,
 * node count) so that hostile input becomes a diagnostic rather than a crash or a hang.
 *
 * <p>May import snakeyaml-engine and {@code dev.switchman.desired.diagnostic}; nothing from Quarkus, HTTP or
 * JDBC.
 */
package dev.switchman.desired.yaml;
