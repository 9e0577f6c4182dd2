package dev.switchman.web.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's runs over the last 24 hours as one SVG strip: a cell per clock hour (UTC), oldest first,
 * coloured by how its runs ended. Drawn by the templates from these coordinates: cell by cell with a tooltip each
 * on an environment's page, as one path per colour on the overview (a hundred strips of 24 tooltips would be
 * half its weight).
 *
 * @param summary the whole strip in words, for screen readers and the cell-less case
 */
public record RunStrip(List<Cell> cells, String summary) {

    /** The cells of one colour as one SVG path. */
    public record Shape(String css, String path) {
    }

    /** One path per colour, in the order the colours first appear. */
    public List<Shape> shapes() {
        Map<String, StringBuilder> paths = new LinkedHashMap<>();
        for (Cell cell : cells) {
            paths.computeIfAbsent(cell.css(), css -> new StringBuilder()).append('M').append(cell.x())
                    .append(" 0h").append(CELL_WIDTH).append("v14h-").append(CELL_WIDTH).append('z');
        }
        return paths.entrySet().stream().map(e -> new Shape(e.getKey(), e.getValue().toString())).toList();
    }

    public static final int HOURS = 24;
    public static final int CELL_WIDTH = 10;
    public static final int STEP = 12;
    public static final int WIDTH = HOURS * STEP - (STEP - CELL_WIDTH);

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One hour: its x in the SVG, the class that colours it, and what its tooltip says. */
    public record Cell(int x, String css, String title) {
    }

    /** The first hour the strip shows, for the query that counts the runs. */
    static Instant since(Instant now) {
        return hourOf(now).minus(Duration.ofHours(HOURS - 1));
    }

    static Instant hourOf(Instant time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }

    /** @param byHour the start of each hour (UTC) with runs -> how they ended */
    static RunStrip of(Map<Instant, RunCounts> byHour, Instant now) {
        List<Cell> cells = new ArrayList<>(HOURS);
        Instant hour = since(now);
        int runs = 0;
        int stalled = 0;
        int unsettled = 0;
        for (int i = 0; i < HOURS; i++, hour = hour.plus(Duration.ofHours(1))) {
            RunCounts counts = byHour.getOrDefault(hour, RunCounts.NONE);
            runs += counts.total();
            stalled += counts.stalled();
            unsettled += counts.retry() + counts.progressing();
            cells.add(new Cell(i * STEP, counts.css(), HOUR.format(hour) + "–" + HOUR.format(hour.plus(Duration.ofHours(1)))
                    + " UTC: " + counts.describe()));
        }
        return new RunStrip(List.copyOf(cells), runs == 0 ? "no runs in the last 24 hours"
                : "last 24 hours: " + runs + " run(s), " + stalled + " stalled, " + unsettled + " not settled");
    }
}
