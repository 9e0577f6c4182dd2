package dev.switchman.web.ui;

import io.quarkus.qute.TemplateExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the templates print times and revisions: {@code {run.startedAt.clock}} is UTC clock time (with the date
 * when it is not recent), {@code {run.startedAt.ago}} how long ago or until, {@code {revision.short}} the
 * first digits of a fingerprint. The page's script keeps "ago" current between refreshes from the ISO time.
 */
public final class PageFormats {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int SHORT_DIGITS = 12;

    private PageFormats() {
    }

    @TemplateExtension
    static String clock(Instant at) {
        return clock(at, Clock.systemUTC().instant());
    }

    @TemplateExtension
    static String ago(Instant at) {
        return relative(at, Clock.systemUTC().instant());
    }

    /** {@code sha256:0123456789ab} of {@code sha256:0123456789abcdef}; other texts as they are. */
    @TemplateExtension(matchName = "short")
    static String shortRevision(String revision) {
        if (revision == null) {
            return "";
        }
        int colon = revision.indexOf(':');
        return revision.length() <= colon + 1 + SHORT_DIGITS ? revision : revision.substring(0, colon + 1 + SHORT_DIGITS);
    }

    static String clock(Instant at, Instant now) {
        boolean recent = Duration.between(at, now).abs().compareTo(Duration.ofHours(20)) < 0;
        return (recent ? RECENT : OLDER).format(at) + " UTC";
    }

    static String relative(Instant at, Instant now) {
        Duration between = Duration.between(at, now);
        String span = span(between.abs());
        return between.isNegative() ? "in " + span : span + " ago";
    }

    /** {@code 45 s}, {@code 4 min}, {@code 2 h}, {@code 3 d}: a length as people round it. */
    static String span(Duration length) {
        long seconds = length.toSeconds();
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return (seconds + 30) / 60 + " min";
        }
        if (seconds < 36 * 3600) {
            return (seconds + 1800) / 3600 + " h";
        }
        return (seconds + 43_200) / 86_400 + " d";
    }
}
