/**
 * What Switchman shows over HTTP: health checks ({@code /q/health}), metrics ({@code /q/metrics},
 * every name starting with {@code switchman_}) and the status API under {@code /api/v1}.
 *
 * <p>May import Quarkus REST, SmallRye Health, Micrometer, and the reconcile and store packages;
 * reads state, never changes it.
 */
package dev.switchman.web;
