package dev.switchman.desired;

import java.util.List;

/**
 * Renders paths the way diagnostics show them: an Environment's name, or a Project's name, then
 * the keys below {@code spec} ({@code production.services.backend.deploy.healthcheckTimeout},
 * {@code django-api.defaults.services.backend}).
 */
final class DiagnosticPaths {

    private DiagnosticPaths() {
    }

    /** Joins {@code segments} under {@code prefix}, dropping a leading {@code spec}. */
    static String render(String prefix, List<String> segments) {
        StringBuilder out = new StringBuilder(prefix);
        int start = !segments.isEmpty() && segments.get(0).equals("spec") ? 1 : 0;
        for (String segment : segments.subList(start, segments.size())) {
            if (!segment.startsWith("[") && !out.isEmpty()) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    static String join(String prefix, String relative) {
        return prefix.isEmpty() ? relative : relative.isEmpty() ? prefix : prefix + "." + relative;
    }
}
