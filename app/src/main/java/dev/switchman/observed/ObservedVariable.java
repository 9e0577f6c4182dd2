package dev.switchman.observed;

/**
 * A variable as Railway returned it.
 *
 * @param value the unrendered value, or null when Railway did not reveal it (sealed or masked)
 * @param sealed true for sealed variables, whose value Railway never returns
 */
public record ObservedVariable(String value, boolean sealed) {

    public static ObservedVariable of(String value) {
        return new ObservedVariable(value, false);
    }

    /** True when the value is known and can be compared. */
    public boolean isVisible() {
        return value != null && !sealed;
    }
}
