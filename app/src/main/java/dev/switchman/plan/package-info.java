/**
 * The planner: compares one desired environment with what Railway reports and what Switchman
 * applied last time, and produces a {@link dev.switchman.plan.Plan} of classified changes, plus its
 * text and JSON renderings.
 *
 * <p>Pure and deterministic: no I/O, no clock. May import {@code dev.switchman.desired},
 * {@code dev.switchman.observed}, {@code dev.switchman.settings} (the setting catalog), the JDK and
 * Jackson's tree model; nothing from Quarkus, jakarta, HTTP or JDBC. Secret values live only inside {@link dev.switchman.plan.PlannedValue.Secret}, which
 * never prints them.
 */
package dev.switchman.plan;
