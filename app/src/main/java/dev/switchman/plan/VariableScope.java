package dev.switchman.plan;

/**
 * Where a variable lives: on one service, or shared by the environment.
 *
 * @param service the service's name, or null for the environment's shared variables
 */
public record VariableScope(String service) {

    public static final VariableScope SHARED = new VariableScope(null);

    public static VariableScope service(String name) {
        return new VariableScope(name);
    }

    public boolean isShared() {
        return service == null;
    }

    /** {@code shared.LOG_LEVEL} or {@code variable.backend.SECRET_KEY}. */
    public String address(String variable) {
        return isShared() ? "shared." + variable : "variable." + service + "." + variable;
    }

    @Override
    public String toString() {
        return isShared() ? "shared" : service;
    }
}
