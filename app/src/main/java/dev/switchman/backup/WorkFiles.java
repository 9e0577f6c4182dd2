package dev.switchman.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Temporary files of dumps, listings and error text: deleted when done, a failure to delete only logged. */
final class WorkFiles {

    private static final Logger LOG = Logger.getLogger(WorkFiles.class);

    private WorkFiles() {
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("cannot delete work file %s: %s", file, e.getMessage());
            }
        }
    }
}
