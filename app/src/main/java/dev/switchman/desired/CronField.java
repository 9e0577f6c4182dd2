package dev.switchman.desired;

import java.util.BitSet;

/** One field of a cron expression: a comma list of {@code *}, numbers and ranges, each with a step. */
final class CronField {

    private CronField() {
    }

    static BitSet parse(String field, int min, int max, String name, String expression) {
        BitSet values = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), 1, max, name, expression, "step");
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                int dash = range.indexOf('-');
                from = number(range.substring(0, dash), min, max, name, expression, "value");
                to = number(range.substring(dash + 1), min, max, name, expression, "value");
                if (to < from) {
                    throw invalid(expression, name + " range " + range + " runs backwards");
                }
            } else {
                from = number(range, min, max, name, expression, "value");
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(v);
            }
        }
        return values;
    }

    private static int number(String text, int min, int max, String name, String expression, String what) {
        if (!text.matches("[0-9]{1,2}")) {
            throw invalid(expression, name + " " + what + " \"" + text + "\" is not a number"
                    + (text.isEmpty() ? "" : " (use numbers, *, ranges a-b, lists a,b and steps */n)"));
        }
        int n = Integer.parseInt(text);
        if (n < min || n > max) {
            throw invalid(expression, name + " " + what + " " + n + " is outside " + min + "-" + max);
        }
        return n;
    }

    private static IllegalArgumentException invalid(String expression, String detail) {
        return new IllegalArgumentException("invalid cron expression \"" + expression + "\": " + detail);
    }
}
