package dev.switchman.desired;

/**
 * The value a variable should have: a literal (which may contain Railway references such as
 * {@code ${{postgres.DATABASE_URL}}}, passed through untouched) or a reference to a secret that
 * is resolved from the daemon's environment or a mounted directory, never from git.
 */
public sealed interface VariableValue {

    /** A value written in the YAML; Railway reference expressions stay unrendered. */
    record Literal(String value) implements VariableValue {

        /** True when the value contains a Railway reference expression. */
        public boolean isReference() {
            return value.contains("${{");
        }
    }

    /** A secret named in the YAML; its value is looked up at plan time and never printed. */
    record SecretRef(String name) implements VariableValue {
    }
}
