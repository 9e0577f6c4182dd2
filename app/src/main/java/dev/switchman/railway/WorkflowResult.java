package dev.switchman.railway;

/**
 * Progress of an asynchronous Railway workflow.
 *
 * @param status Railway's WorkflowStatus as written (mixed case): Running, Complete, Error, NotFound
 * @param error Railway's error text, when it failed
 */
public record WorkflowResult(String status, String error) {

    /** Complete or Error: polling can stop. NotFound is not final: new workflows show it briefly. */
    public boolean finished() {
        return "Complete".equals(status) || "Error".equals(status);
    }

    public boolean succeeded() {
        return "Complete".equals(status);
    }
}
