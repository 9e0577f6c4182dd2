package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.CountingTransport;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.SandboxRailwayClients;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFixture;
import dev.switchman.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-migration Railway volume backup, followed to completion on the sandbox (virtual clock). */
class RailwayVolumeBackupIT {

    private final RailwaySandbox sandbox = SandboxFixture.create().accountToken("token")
            .set("timings", Map.of("workflowSeconds", 20))
            .project("data", p -> p.environments("production").service("db",
                    s -> s.image("postgres:16").volume("/var/lib/postgresql/data")))
            .build();
    private final SandboxServer server = new SandboxServer(sandbox).start(0);
    private final RailwayApi railway = SandboxRailwayClients.create(sandbox,
            new CountingTransport(server.url() + "/graphql/v2"), "token", new SimpleMeterRegistry());
    private final String environmentId = sandbox.environmentId("data", "production");

    @AfterEach
    void stop() {
        server.close();
    }

    private Optional<String> volumeOf(DesiredEnvironment environment, String service) {
        ObservedService observed = RailwayEnvironmentParser.parse(railway.environmentState(environmentId))
                .services().get(service);
        return Optional.ofNullable(observed).map(ObservedService::volume).map(v -> v.volumeInstanceId());
    }

    @Test
    void aVolumeDatabaseGetsARailwayBackupFollowedToCompleteBeforeMigrating() {
        DatabaseSpec db = new DatabaseSpec("main", "db", null, null, null);
        DesiredEnvironment env = new DesiredEnvironment("data", "production", environmentId, Map.of(), Map.of(),
                Map.of("main", db), Policy.DEFAULT, SourceLocation.UNKNOWN);
        RailwayVolumeBackup volumes = new RailwayVolumeBackup(railway, sandbox::advance, Duration.ofSeconds(2),
                Duration.ofMinutes(5));

        PreMigrationBackups.Taken taken = new PreMigrationBackups(null, volumes, this::volumeOf)
                .take(env, db, "0123456789abcdef");

        assertThat(taken.volumeBackupWorkflow()).isNotNull();
        assertThat(railway.workflowStatus(taken.volumeBackupWorkflow()).status()).isEqualTo("Complete");
        assertThat(railway.volumeBackups(volumeOf(env, "db").orElseThrow()))
                .anySatisfy(b -> assertThat(b.name()).isEqualTo("switchman-pre-migration-0123456789ab"));
    }

    @Test
    void aWorkflowThatDoesNotFinishInTimeIsAFailedBackup() {
        RailwayVolumeBackup impatient = new RailwayVolumeBackup(railway, sandbox::advance, Duration.ofSeconds(2),
                Duration.ofSeconds(6));

        assertThatThrownBy(() -> impatient.backup(volumeOf(null, "db").orElseThrow(), "too-slow"))
                .isInstanceOf(BackupException.class).hasMessageContaining("still");
    }

    @Test
    void aDatabaseWithNeitherBackupsNorAVolumeCannotBeBackedUpBeforeMigrating() {
        DatabaseSpec db = new DatabaseSpec("main", null, null, null, null);
        DesiredEnvironment env = new DesiredEnvironment("data", "production", environmentId, Map.of(), Map.of(),
                Map.of("main", db), Policy.DEFAULT, SourceLocation.UNKNOWN);

        assertThatThrownBy(() -> new PreMigrationBackups(null, null, this::volumeOf).take(env, db, "r"))
                .hasMessageContaining("no pre-migration backup can be taken");
    }
}
