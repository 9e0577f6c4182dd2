package dev.switchman.web.ui;

import java.util.List;

/**
 * A rollout drawn as SVG, one lane per service, everything placed on the server: spans for its phases (deploy,
 * verification, rollback), a dot per verification round, a diamond per verdict. Every shape has a tooltip.
 *
 * @param label the whole picture in words, for screen readers
 */
public record Timeline(int width, int height, List<Lane> lanes, List<Tick> ticks, String label) {

    /**
     * One service.
     *
     * @param y the lane's centre line
     * @param summary {@code 4 rounds: 2 passed, 2 failed; rolled back to d-1 (verified)}
     */
    public record Lane(String service, int y, int labelY, List<Span> spans, List<Mark> marks, String summary) {
    }

    /** A phase: {@code phase-deploy}, {@code phase-verify}, {@code phase-rollback}. */
    public record Span(int x, int y, int width, int height, String css, String title) {
    }

    /**
     * A round ({@code round round-pass}, {@code round round-fail}) drawn as a dot, or a verdict
     * ({@code verdict verdict-pass}, {@code verdict verdict-fail}) drawn as a diamond through {@code points}.
     */
    public record Mark(int x, int y, boolean verdict, String points, String css, String title) {
    }

    /** A time label under the lanes. */
    public record Tick(int x, int y, String anchor, String label) {
    }
}
