package dev.switchman.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Columns aligned for a terminal, as kubectl prints them; colour codes do not count towards a width. */
final class TextTable {

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    String render() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], visible(row[i]));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - visible(row[i]) + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static int visible(String cell) {
        return ANSI.matcher(cell).replaceAll("").length();
    }
}
