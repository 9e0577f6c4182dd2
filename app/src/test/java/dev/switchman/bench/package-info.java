/**
 * Benchmarks: programs that print figures (bench/*.sh runs them), never tests, so no timing is asserted. They
 * drive the packaged application from outside ({@link dev.switchman.bench.BenchDaemon}) or its planner directly.
 */
package dev.switchman.bench;
