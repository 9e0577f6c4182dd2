package dev.switchman.web.ui;

/** How the runs of one environment in a span of time ended, by result; {@code running} have not ended yet. */
public record RunCounts(int converged, int progressing, int retry, int stalled, int running) {

    static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);

    int total() {
        return converged + progressing + retry + stalled;
    }

    RunCounts plus(RunCounts other) {
        return new RunCounts(converged + other.converged, progressing + other.progressing, retry + other.retry,
                stalled + other.stalled, running + other.running);
    }

    /** Red for any Stalled run, amber for any run that was not settled (Retry, Progressing), else green. */
    String css() {
        if (total() == 0 && running == 0) {
            return "strip-none";
        }
        return stalled > 0 ? "strip-bad" : retry + progressing > 0 ? "strip-warn" : "strip-ok";
    }

    /** {@code 58 converged, 2 retry}, or {@code no runs}. */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, converged, "converged");
        append(text, progressing, "progressing");
        append(text, retry, "retry");
        append(text, stalled, "stalled");
        append(text, running, "running");
        return text.isEmpty() ? "no runs" : text.toString();
    }

    private static void append(StringBuilder text, int count, String label) {
        if (count > 0) {
            text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(label);
        }
    }
}
