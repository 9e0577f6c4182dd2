package dev.switchman.backup;

import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.WorkflowResult;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * An on-demand Railway volume backup ({@code volumeInstanceBackupCreate}), followed through
 * {@code workflowStatus} until Complete or Error: the pre-migration backup of a database that is a
 * Railway volume service.
 */
public final class RailwayVolumeBackup {

    private static final Logger LOG = Logger.getLogger(RailwayVolumeBackup.class);

    /** Waits between polls; the sandbox's virtual clock in tests, {@link Thread#sleep} in the daemon. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final RailwayApi railway;
    private final Pause pause;
    private final Duration pollEvery;
    private final Duration timeout;

    public RailwayVolumeBackup(RailwayApi railway, Pause pause, Duration pollEvery, Duration timeout) {
        this.railway = railway;
        this.pause = pause;
        this.pollEvery = pollEvery;
        this.timeout = timeout;
    }

    /** The daemon's: polls every 2 s for up to 30 min. */
    public static RailwayVolumeBackup sleeping(RailwayApi railway) {
        return new RailwayVolumeBackup(railway, d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(2),
                Duration.ofMinutes(30));
    }

    /** Starts the backup and returns once Railway reports it Complete; throws when it errs or times out. */
    public String backup(String volumeInstanceId, String name) {
        String workflow = railway.createVolumeBackup(volumeInstanceId, name);
        Duration waited = Duration.ZERO;
        try {
            while (true) {
                WorkflowResult result = railway.workflowStatus(workflow);
                if (result.finished()) {
                    if (!result.succeeded()) {
                        throw new BackupException("Railway volume backup " + name + " failed: " + result.error());
                    }
                    LOG.infof("Railway volume backup %s of volume instance %s completed (workflow %s)", name,
                            volumeInstanceId, workflow);
                    return workflow;
                }
                if (waited.compareTo(timeout) >= 0) {
                    throw new BackupException("Railway volume backup " + name + " still " + result.status()
                            + " after " + timeout + " (workflow " + workflow + ")");
                }
                pause.pause(pollEvery);
                waited = waited.plus(pollEvery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted while waiting for Railway volume backup " + name, e);
        }
    }
}
