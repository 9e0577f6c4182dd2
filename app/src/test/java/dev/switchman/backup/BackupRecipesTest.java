package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The examples' backups go where the deploy recipes give Switchman a writable place that outlives the
 * container, and into the folder a person expects: {@code <path>/<project>/<environment>/<database>}.
 */
class BackupRecipesTest {

    private static final String BACKUPS = "/var/backups/switchman";

    @Test
    void theExamplesWriteEachDatabaseToItsOwnFolderUnderTheRecipesBackupVolume() {
        List<String> folders = new ArrayList<>();
        for (String example : List.of("desired-state/ticketing", "desired-state/django-api")) {
            for (DesiredEnvironment env : DesiredStateLoader.load(RepositoryRoot.resolve(example)).state().environments()) {
                for (DatabaseSpec db : env.databases().values()) {
                    Destination.of(env, db, name -> Optional.of("unused")).forEach(d -> folders.add(d.label()));
                }
            }
        }

        assertThat(folders).containsExactlyInAnyOrder(BACKUPS + "/ticketing/production/tickets",
                BACKUPS + "/ticketing/staging/tickets", BACKUPS + "/django-api/production/main",
                BACKUPS + "/django-api/staging/main");
    }

    @Test
    void theImageMakesTheBackupDirectoryWritableByItsUserAndAVolume() throws IOException {
        String dockerfile = Files.readString(RepositoryRoot.resolve("Dockerfile.native"));

        assertThat(dockerfile).containsPattern("mkdir -p [^\\n]*" + BACKUPS)
                .containsPattern("chown -R switchman [^\\n]*" + BACKUPS)
                .contains("VOLUME " + BACKUPS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesRecipeMountsAPersistentVolumeWhereTheRootFilesystemIsReadOnly() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build())
                .loadAllFromString(Files.readString(RepositoryRoot.resolve("deploy/kubernetes/switchman-sidecar.yaml")))
                .forEach(d -> documents.add((Map<String, Object>) d));
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) documents.stream()
                .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow().get("spec"))
                .get("template")).get("spec");
        Map<String, Object> switchman = ((List<Map<String, Object>>) pod.get("containers")).stream()
                .filter(c -> "switchman".equals(c.get("name"))).findFirst().orElseThrow();
        Map<String, Object> mount = ((List<Map<String, Object>>) switchman.get("volumeMounts")).stream()
                .filter(m -> BACKUPS.equals(m.get("mountPath"))).findFirst().orElseThrow();
        Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();

        assertThat(((Map<String, Object>) switchman.get("securityContext")).get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(mount.get("readOnly")).isNotEqualTo(true);
        assertThat(volume).containsKey("persistentVolumeClaim");
        assertThat(documents).anySatisfy(d -> assertThat(d.get("kind")).isEqualTo("PersistentVolumeClaim"));
    }

    @Test
    void theComposeAndRailwayRecipesGiveBackupsAPlace() throws IOException {
        assertThat(Files.readString(RepositoryRoot.resolve("deploy/docker-compose.yml")))
                .contains("switchman-backups:" + BACKUPS);
        assertThat(Files.readString(RepositoryRoot.resolve("deploy/README.md"))).contains("mounted at `" + BACKUPS + "`")
                .contains("RAILWAY_RUN_UID=0").contains("BACKUP_S3_KEY_ID").doesNotContain("No volume is needed");
    }
}
