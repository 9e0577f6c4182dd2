package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DatabaseSpec.Retention;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One of a database's backup destinations, opened: its folder and the retention in force there.
 *
 * @param position 1 for the first destination declared, and so on
 */
public record Destination(int position, BackupStorage storage, Retention retention) {

    /** The destinations {@code database} of {@code environment} declares, opened, in declaration order. */
    public static List<Destination> of(DesiredEnvironment environment, DatabaseSpec database, Secrets secrets) {
        if (database.backups() == null || database.backups().destinations().isEmpty()) {
            throw new BackupException("database " + database.name() + " declares no backup destination");
        }
        List<DatabaseSpec.BackupDestination> declared = database.backups().destinations();
        return IntStream.range(0, declared.size()).mapToObj(i -> new Destination(i + 1,
                BackupStorage.open(declared.get(i), secrets, environment.project(), environment.name(), database.name()),
                database.backups().retentionIn(declared.get(i)))).toList();
    }

    /** Where it is, as the catalog's {@code destination} column holds it. */
    public String label() {
        return storage.describe();
    }
}
