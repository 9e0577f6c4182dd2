package dev.switchman.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSecretsTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryWinsAndItsTrailingNewlineIsTrimmed() throws IOException {
        Files.writeString(dir.resolve("DB_URL"), "postgres://from-file\n");
        EnvironmentSecrets secrets = new EnvironmentSecrets(dir, Map.of("DB_URL", "from-env", "TOKEN", "t0k"));

        assertThat(secrets.lookup("DB_URL")).contains("postgres://from-file");
        assertThat(secrets.lookup("TOKEN")).contains("t0k");
        assertThat(secrets.lookup("MISSING")).isEmpty();
    }

    @Test
    void namesThatAreNotSecretNamesNeverReachTheFilesystem() throws IOException {
        Files.writeString(dir.resolve("x"), "inside");
        EnvironmentSecrets secrets = new EnvironmentSecrets(dir.resolve("sub"), Map.of());

        assertThat(secrets.lookup("../x")).isEmpty();
        assertThat(new EnvironmentSecrets(null, Map.of("A", "1")).lookup("A")).contains("1");
    }
}
