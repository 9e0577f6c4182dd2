/**
 * What Switchman shows over HTTP: health checks ({@code /q/health}), metrics ({@code /q/metrics},
 * every name starting with {@code switchman_}) and the status API under {@code /api/v1}. The API's
 * few mutating endpoints (reconcile, suspend, resume) need the bearer token ({@link dev.switchman.web.ApiToken})
 * and only ask the loop; they never touch Railway.
 *
 * <p>May import Quarkus REST, SmallRye Health, Micrometer, Jackson and every Switchman package but
 * {@code cli} and {@code sandbox}; nothing imports it.
 */
package dev.switchman.web;
