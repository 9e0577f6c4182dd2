package dev.switchman.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A variable's value as a plan holds it: shown as is, or secret. A secret is never printed; it
 * carries its resolved value in memory only, for the executor to write.
 */
public sealed interface PlannedValue permits PlannedValue.Plain, PlannedValue.Secret {

    /** What is printed wherever a secret would be. */
    String REDACTED = "(sensitive value)";

    static Plain plain(String value) {
        return new Plain(value);
    }

    /** A resolved secret: {@code secretName} from the YAML, {@code value} for the executor. */
    static Secret secret(String secretName, String value) {
        return new Secret(secretName, Objects.requireNonNull(value, "value"));
    }

    /** A value Switchman must not show (the current value of a secret) or cannot see (sealed). */
    static Secret hidden() {
        return new Secret(null, null);
    }

    boolean sensitive();

    /** The text a plan prints: the value as a JSON string, or {@link #REDACTED}. */
    String render();

    /** A value written in the YAML or read from Railway, shown as is. */
    record Plain(String value) implements PlannedValue {

        public Plain {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean sensitive() {
            return false;
        }

        @Override
        public String render() {
            return ValueText.render(value);
        }
    }

    /** A secret value. Its {@code toString}, {@code render} and equality never expose the value. */
    final class Secret implements PlannedValue {

        private final String secretName;
        private final String value;

        private Secret(String secretName, String value) {
            this.secretName = secretName;
            this.value = value;
        }

        /** The secret's name in the YAML, or null for a hidden current value. */
        public String secretName() {
            return secretName;
        }

        /** The value to write; empty for a hidden current value. Only the executor calls this. */
        public Optional<String> reveal() {
            return Optional.ofNullable(value);
        }

        /** SHA-256 of the value, or null for a hidden current value. */
        public String fingerprint() {
            return value == null ? null : Fingerprint.sha256(value);
        }

        @Override
        public boolean sensitive() {
            return true;
        }

        @Override
        public String render() {
            return REDACTED;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Secret s && Objects.equals(secretName, s.secretName)
                    && Objects.equals(value, s.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(secretName, fingerprint());
        }

        @Override
        public String toString() {
            return secretName == null ? REDACTED : "secret " + secretName + " " + REDACTED;
        }
    }
}
