package dev.switchman.desired;

import dev.switchman.desired.diagnostic.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each value of a merged environment was declared, by path relative to the environment
 * ({@code services.backend.deploy.healthcheckTimeout}, {@code services.backend.dependsOn[0]}).
 * A value inherited from a project's defaults points into the project's file.
 */
public record SourceMap(Map<String, SourceLocation> locations, SourceLocation fallback) {

    public static final SourceMap EMPTY = new SourceMap(Map.of(), SourceLocation.UNKNOWN);

    public SourceMap {
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }

    /** The location of {@code path}, else of its nearest declared ancestor, else the fallback. */
    public SourceLocation locate(String path) {
        String p = path;
        while (!p.isEmpty()) {
            SourceLocation at = locations.get(p);
            if (at != null) {
                return at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return fallback;
    }
}
