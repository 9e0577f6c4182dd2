package dev.switchman.web;

/**
 * What a mutating endpoint did.
 *
 * @param environment {@code project/environment}
 * @param action {@code reconcile}, {@code suspend} or {@code resume}
 */
public record ActionResult(String environment, String action, String message) {
}
