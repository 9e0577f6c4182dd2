package dev.switchman.reconcile;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.Secrets;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.secrets.SandboxSecrets;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The daemon's one source of secret values: the mounted secrets directory, then the process
 * environment; against the sandbox, generated stand-ins for what is not set (announced once).
 */
@Singleton
class DaemonSecrets {

    @Produces
    @Singleton
    Secrets secrets(SwitchmanConfig config) {
        Secrets fromProcess = EnvironmentSecrets.fromProcess(config.secrets().dir().orElse(null));
        return config.sandbox().enabled() ? new SandboxSecrets(fromProcess) : fromProcess;
    }
}
