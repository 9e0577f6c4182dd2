package dev.switchman.desired.diagnostic;

/**
 * A place in a desired-state file; lines and columns count from 1.
 *
 * @param file the file's path relative to the desired-state root
 */
public record SourceLocation(String file, int line, int column) {

    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
