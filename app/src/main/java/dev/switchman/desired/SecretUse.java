package dev.switchman.desired;

import dev.switchman.desired.diagnostic.SourceLocation;

/**
 * One place a secret is referenced.
 *
 * @param secret the secret's name
 * @param environment the environment, {@code project/name}
 * @param path where in the environment, e.g. {@code production.services.backend.variables.SECRET_KEY}
 * @param location the file and line that declared the reference
 */
public record SecretUse(String secret, String environment, String path, SourceLocation location) {
}
