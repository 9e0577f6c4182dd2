package dev.switchman.plan;

import dev.switchman.desired.Secrets;
import dev.switchman.desired.VariableValue;
import java.util.Optional;

/** Turns a declared variable into the string Railway should hold. */
final class Resolution {

    private Resolution() {
    }

    /** The literal as written, or the secret's value; empty when the secret is not available. */
    static Optional<String> of(VariableValue value, Secrets secrets) {
        return switch (value) {
            case VariableValue.Literal literal -> Optional.of(literal.value());
            case VariableValue.SecretRef secret -> secrets.lookup(secret.name());
        };
    }

    /** The value as a plan carries it: plain for a literal, redacted for a secret. */
    static Optional<PlannedValue> planned(VariableValue value, Secrets secrets) {
        return of(value, secrets).map(resolved -> value instanceof VariableValue.SecretRef secret
                ? PlannedValue.secret(secret.name(), resolved)
                : PlannedValue.plain(resolved));
    }
}
