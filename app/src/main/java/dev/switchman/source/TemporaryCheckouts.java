package dev.switchman.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Working copies in the temporary directory, for a git source without a cache directory. Each lives in
 * {@code <tmp>/switchman-git/checkout-*}, beside a file naming the process that owns it: the owner deletes
 * its own when it stops, and whoever creates the next one first deletes those whose owner is gone (a process
 * killed without a shutdown), so one-shot commands and restarts do not pile up checkouts.
 */
final class TemporaryCheckouts {

    private static final Logger LOG = Logger.getLogger(TemporaryCheckouts.class);
    static final String OWNER_FILE = "owner.pid";
    static final String WORK_TREE = "work";

    private final Path root;

    TemporaryCheckouts(Path root) {
        this.root = root;
    }

    /** Read when used, not in a static field: a native image would keep the build machine's temp directory. */
    static TemporaryCheckouts inSystemTemp() {
        return new TemporaryCheckouts(Path.of(System.getProperty("java.io.tmpdir"), "switchman-git"));
    }

    /** A new checkout directory owned by this process, after removing the abandoned ones. */
    Path create() {
        try {
            Files.createDirectories(root);
            removeAbandoned();
            Path checkout = Files.createTempDirectory(root, "checkout-");
            Files.writeString(checkout.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            return checkout;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary git working directory under " + root, e);
        }
    }

    /** Deletes {@code checkout} and everything in it; a failure is logged, never thrown (we are stopping). */
    static void delete(Path checkout) {
        try (Stream<Path> files = Files.walk(checkout)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not delete the temporary git working copy %s: %s", checkout, e.getMessage());
        }
    }

    private void removeAbandoned() throws IOException {
        List<Path> checkouts;
        try (Stream<Path> children = Files.list(root)) {
            checkouts = children.filter(p -> p.getFileName().toString().startsWith("checkout-")).toList();
        }
        for (Path checkout : checkouts) {
            if (ownerIsGone(checkout)) {
                LOG.debugf("removing the git working copy %s, left by a process that is gone", checkout);
                delete(checkout);
            }
        }
    }

    private static boolean ownerIsGone(Path checkout) {
        try {
            long pid = Long.parseLong(Files.readString(checkout.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // being created right now, or not ours to judge
        }
    }
}
