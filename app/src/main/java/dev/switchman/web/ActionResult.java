package dev.switchman.web;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a mutating endpoint did. Registered for reflection by hand: it travels inside a
 * {@code Response}, so Quarkus does not see it as a return type when it registers those for a native image.
 *
 * @param environment {@code project/environment}
 * @param action {@code reconcile}, {@code suspend} or {@code resume}
 */
@RegisterForReflection
public record ActionResult(String environment, String action, String message) {
}
