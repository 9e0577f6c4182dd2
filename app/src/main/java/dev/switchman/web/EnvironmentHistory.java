package dev.switchman.web;

import java.util.List;

/** Recent runs, events and rollouts of one environment, newest first. */
public record EnvironmentHistory(String project, String name, List<RunView> runs, List<EventView> events,
        List<RolloutView> rollouts) {
}
