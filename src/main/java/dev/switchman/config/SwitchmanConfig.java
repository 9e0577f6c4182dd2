package dev.switchman.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.switchman.railway.RailwayConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code switchman.*} setting (environment variables: {@code SWITCHMAN_DESIRED_DIR}, ...). */
@ConfigMapping(prefix = "switchman")
public interface SwitchmanConfig {

    /** Where the desired state comes from and how often it is re-read. */
    Desired desired();

    /** Where secret values named by {@code secretRef} come from. */
    Secrets secrets();

    /** How Switchman reaches Railway's API ({@code switchman.railway.*}). */
    RailwayConfig railway();

    /** Set by {@code switchman serve --sandbox}: Railway is the in-process sandbox. */
    Sandbox sandbox();

    interface Sandbox {

        /**
         * True when Railway is the in-process sandbox; secrets that are not set are then given
         * generated stand-in values so the examples reconcile on a fresh machine.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Desired {

        /** The desired-state directory: every *.yaml / *.yml below it, hidden directories skipped. */
        @WithDefault("desired-state")
        Path dir();

        /** How often the directory is checked for changes (a cheap check; a full load only on change). */
        @WithDefault("5s")
        Duration pollInterval();
    }

    interface Secrets {

        /**
         * A mounted directory holding one file per secret (file name = secret name, content = value),
         * consulted before the process environment. No default: only the environment is used when unset.
         */
        Optional<Path> dir();
    }
}
