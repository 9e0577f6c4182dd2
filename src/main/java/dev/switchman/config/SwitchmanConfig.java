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

    /** When and how the daemon reconciles each environment ({@code switchman.reconcile.*}). */
    Reconcile reconcile();

    /** The status API's mutating endpoints ({@code switchman.api.*}). */
    Api api();

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

    interface Reconcile {

        /** Whether {@code serve} runs the reconcile loop; off in tests, which drive the loop themselves. */
        @WithDefault("true")
        boolean enabled();

        /** How often the loop looks for environments that are due (the interval itself is per environment). */
        @WithDefault("1s")
        Duration tickInterval();

        /** How many environments may reconcile at once (never two runs of one environment). */
        @WithDefault("2")
        int workers();

        /** The first wait after a failed run; doubled (with jitter) after each further failure. */
        @WithDefault("5s")
        Duration initialBackoff();

        /** The longest wait between retries of a failing environment. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** A run still going after this long counts as wedged (liveness fails). */
        @WithDefault("15m")
        Duration runTimeout();

        /** On shutdown, how long the current runs may take to finish before they are interrupted. */
        @WithDefault("20s")
        Duration shutdownGrace();

        /** How often a standby replica tries to become the leader, and the leader checks its lock. */
        @WithDefault("5s")
        Duration leaderCheckInterval();

        /** The PostgreSQL advisory lock key replicas compete for; distinct per Switchman sharing a database. */
        @WithDefault("7215104632771110656")
        long leaderLockKey();
    }

    interface Api {

        /**
         * The bearer token the mutating endpoints (reconcile, suspend, resume) require
         * ({@code SWITCHMAN_API_TOKEN}); unset disables them.
         */
        Optional<String> token();
    }
}
