package dev.switchman.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSecretsTest {

    @Test
    void aSetSecretWinsAndAMissingOneGetsAStableStandIn() {
        SandboxSecrets secrets = new SandboxSecrets(new EnvironmentSecrets(null, Map.of("SET", "real-value")));

        assertThat(secrets.lookup("SET")).contains("real-value");
        assertThat(secrets.lookup("MISSING")).get().asString().startsWith("sandbox-missing-").hasSize(28);
        assertThat(secrets.lookup("MISSING")).isEqualTo(secrets.lookup("MISSING"));
        assertThat(secrets.lookup("OTHER")).isNotEqualTo(secrets.lookup("MISSING"));
    }
}
