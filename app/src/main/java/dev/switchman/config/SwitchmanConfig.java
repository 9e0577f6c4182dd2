package dev.switchman.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Every {@code switchman.*} setting (environment variables: {@code SWITCHMAN_DESIRED_DIR}, ...). */
@ConfigMapping(prefix = "switchman")
public interface SwitchmanConfig {

    /** Where the desired state comes from and how often it is re-read. */
    Desired desired();

    /** Where secret values named by {@code secretRef} come from. */
    Secrets secrets();

    /** When and how the daemon reconciles each environment ({@code switchman.reconcile.*}). */
    Reconcile reconcile();

    /** The status API's mutating endpoints ({@code switchman.api.*}). */
    Api api();

    /** How notifications to the environments' webhooks are delivered ({@code switchman.notify.*}). */
    @WithName("notify")
    Notify notifications();
    /** Scheduled database backups and restore drills ({@code switchman.backup.*}). */
    Backup backup();

    interface Backup {

        /** Whether the daemon runs the backup and drill schedules declared in the desired state. */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduler looks for databases whose backup or drill is due. */
        @WithDefault("30s")
        Duration tickInterval();

        /** Where dumps are written before they are stored; no default: the system temporary directory. */
        Optional<Path> workDir();

        /** The last verified backup older than this makes readiness report a warning (data, never DOWN). */
        @WithDefault("48h")
        Duration verifiedAgeWarning();

        /** A catalog row still {@code running} after this is marked {@code abandoned}: its process died. */
        @WithDefault("6h")
        Duration abandonAfter();
    }

    /** How long the state store keeps history ({@code switchman.retention.*}). */
    RetentionConfig retention();

    /** Set by {@code switchman serve --sandbox}: Railway is the in-process sandbox. */
    Sandbox sandbox();

    /** How rollouts are followed, verified and monitored ({@code switchman.rollout.*}). */
    Rollout rollout();

    interface Rollout {

        /** Whether deployments Switchman starts are followed, verified and rolled back; off, runs end at "deployments started". */
        @WithDefault("true")
        boolean enabled();

        /** How often a rollout's deployments are polled while they build and deploy. */
        @WithDefault("5s")
        Duration pollInterval();

        /** A deployment still not terminal after this long (an unknown status, say) fails the rollout. */
        @WithDefault("30m")
        Duration maxWait();

        /**
         * Put before a Railway domain to make a service's URL when it declares no {@code baseUrl};
         * a sandbox run sets it to {@code <sandbox url>/apps/}.
         */
        @WithDefault("https://")
        String domainBaseUrl();

        /** How often a verified service is checked again after its soak. */
        @WithDefault("60s")
        Duration monitorInterval();
    }

    interface Sandbox {

        /**
         * True when Railway is the in-process sandbox; secrets that are not set are then given
         * generated stand-in values so the examples reconcile on a fresh machine.
         */
        @WithDefault("false")
        boolean enabled();
    }

    /** A git repository as the source of the desired state, and the webhook that says "fetch now". */
    Source source();

    /** Application-database migrations run before deploys ({@code switchman.migrate.*}). */
    Migrate migrate();

    interface Migrate {

        /**
         * This replica's name in migration leases and the migration run log. No default: the host name
         * and process id.
         */
        Optional<String> runnerName();

        /** How long a rollout waits before looking again while another runner migrates one of its databases. */
        @WithDefault("30s")
        Duration busyRequeue();

        /**
         * The shortest time between two reads of one database's catalog for schema drift, whichever environment
         * declares it; runs in between compare with the last read.
         */
        @WithDefault("5m")
        Duration schemaCheckInterval();
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

    interface Source {

        /** The git repository holding the desired state ({@code switchman.source.git.*}). */
        Git git();

        /** The push webhook ({@code switchman.source.webhook.*}). */
        Webhook webhook();

        interface Git {

            /**
             * The repository: {@code https://...}, {@code http://...}, {@code file://...} or a local path
             * ({@code SWITCHMAN_GIT_URL}). When set, the desired state comes from git and
             * {@code switchman.desired.dir} is ignored; no default (directory mode). SSH is not supported.
             */
            Optional<String> url();

            /** The branch followed; a force-push is followed too (hard reset, never a merge). */
            @WithDefault("main")
            String branch();

            /** The desired-state directory inside the repository. */
            @WithDefault("desired-state")
            String path();

            /** How often the branch is fetched when no webhook says so earlier. */
            @WithDefault("60s")
            Duration pollInterval();

            /**
             * A token for https, sent as basic-auth password ({@code SWITCHMAN_GIT_TOKEN}); never logged.
             * No default: anonymous access.
             */
            Optional<String> token();

            /** The basic-auth user name sent with the token (GitHub and GitLab accept any non-empty name). */
            @WithDefault("x-access-token")
            String username();

            /**
             * Where the working copy is kept; a directory that survives restarts lets Switchman start from its
             * last checkout while the repository is unreachable. No default: a fresh temporary directory.
             */
            Optional<Path> cacheDir();
        }

        interface Webhook {

            /**
             * The shared secret of {@code POST /api/v1/webhooks/git} ({@code SWITCHMAN_WEBHOOK_SECRET}),
             * checked like GitHub's {@code X-Hub-Signature-256}. No default: the webhook is disabled (404).
             */
            Optional<String> secret();
        }
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

    interface Notify {

        /** Whether notifications are sent at all; the targets themselves are declared per environment. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts per message and target, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** The wait after a first failed attempt; doubled after each further failure. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** The longest wait between two attempts when the receiver gives no Retry-After. */
        @WithDefault("2m")
        Duration maxBackoff();

        /** The longest Retry-After (from a 429) honoured; a longer one is cut to this. */
        @WithDefault("10m")
        Duration maxRetryAfter();

        /** How long connecting to a receiver may take. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long one request may take before it counts as failed (and is retried). */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Notifications waiting to be processed; beyond this they are dropped (and counted), never blocking. */
        @WithDefault("1000")
        int queueCapacity();

        /** Threads delivering messages and running their retries. */
        @WithDefault("2")
        int deliveryThreads();
    }
}
