package dev.switchman.rollout;

/** Hears {@link RolloutEvent}s; must return quickly and never throw (the loop does not wait for it). */
@FunctionalInterface
public interface RolloutListener {

    RolloutListener NONE = event -> { };

    void on(RolloutEvent event);
}
