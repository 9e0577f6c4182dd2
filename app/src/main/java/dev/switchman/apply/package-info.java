/**
 * Applying a plan to Railway: {@link dev.switchman.apply.PlanExecutor} turns a
 * {@link dev.switchman.plan.Plan} into Railway writes (grouped per service and per variable scope,
 * then one deploy per service) and returns an {@link dev.switchman.apply.ApplyReport}.
 *
 * <p>How each setting is written follows its entry in the setting catalog ({@code dev.switchman.settings}).
 *
 * <p>May import plan, observed, desired, the setting catalog, the {@code railway} port and Jackson; never Quarkus,
 * JDBC or the store (created services are recorded through the {@link dev.switchman.apply.ServiceInventory} port).
 * Also {@link dev.switchman.apply.RailwayTargets}, which finds the Railway ids a desired environment is written to.
 */
package dev.switchman.apply;
