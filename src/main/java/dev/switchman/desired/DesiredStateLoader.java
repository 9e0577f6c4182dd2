package dev.switchman.desired;

import java.nio.file.Path;

/** Reads a desired-state tree. Placeholder: replaced by the real loader. */
public final class DesiredStateLoader {

    private DesiredStateLoader() {
    }

    /** Loads every {@code *.yaml}/{@code *.yml} file below {@code root}; never throws on bad input. */
    public static LoadResult load(Path root) {
        throw new UnsupportedOperationException("not yet written");
    }
}
