package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks that need more than the YAML: whether every secret the desired state names can be
 * resolved by this process. Messages name secrets and where they are used, never their values.
 */
public final class DesiredStateValidator {

    private DesiredStateValidator() {
    }

    /** An error for every reference to a secret that {@code secrets} cannot resolve, sorted. */
    public static List<Diagnostic> checkSecrets(DesiredState state, Secrets secrets) {
        return secretUses(state).stream()
                .filter(use -> secrets.lookup(use.secret()).isEmpty())
                .map(use -> Diagnostic.error(use.location(), use.path(), "secret " + use.secret()
                        + " is not available: set it in the daemon's environment or its secrets directory"))
                .sorted(Diagnostic.ORDER)
                .toList();
    }

    /** The names of every secret the state references, sorted. */
    public static List<String> secretNames(DesiredState state) {
        return List.copyOf(new TreeSet<>(secretUses(state).stream().map(SecretUse::secret).toList()));
    }

    /** The values {@code secrets} resolves for every secret {@code env} references: what must be kept out of text. */
    public static List<String> secretValues(DesiredEnvironment env, Secrets secrets) {
        return secretUses(env).stream().map(SecretUse::secret).distinct().map(secrets::lookup)
                .flatMap(Optional::stream).toList();
    }

    /** Every reference to a secret, environment by environment, in declaration order. */
    public static List<SecretUse> secretUses(DesiredState state) {
        List<SecretUse> uses = new ArrayList<>();
        state.environments().forEach(env -> uses.addAll(secretUses(env)));
        return uses;
    }

    /** Every reference to a secret in one environment, in declaration order. */
    public static List<SecretUse> secretUses(DesiredEnvironment env) {
        List<SecretUse> uses = new ArrayList<>();
        variables(env, "sharedVariables", env.sharedVariables(), uses);
        env.services().values().forEach(s -> variables(env, "services." + s.name() + ".variables",
                s.variables(), uses));
        for (DatabaseSpec db : env.databases().values()) {
            String at = "databases." + db.name();
            add(env, at + ".url", db.url(), uses);
            List<DatabaseSpec.BackupDestination> destinations = db.backups() == null ? List.of()
                    : db.backups().destinations();
            for (int i = 0; i < destinations.size(); i++) {
                if (destinations.get(i) instanceof DatabaseSpec.BackupDestination.S3 s3) {
                    String destination = at + (destinations.size() == 1 ? ".backups.destination"
                            : ".backups.destinations[" + i + "]");
                    add(env, destination + ".s3.accessKeyId", s3.accessKeyId(), uses);
                    add(env, destination + ".s3.secretAccessKey", s3.secretAccessKey(), uses);
                }
            }
        }
        notifications(env, uses);
        return uses;
    }

    private static void notifications(DesiredEnvironment env, List<SecretUse> uses) {
        for (int i = 0; i < env.notifications().size(); i++) {
            switch (env.notifications().get(i)) {
                case NotificationTarget.Webhook webhook when webhook.url() instanceof VariableValue.SecretRef ref ->
                        add(env, "notifications[" + i + "].webhook.url", ref, uses);
                case NotificationTarget.Slack slack -> add(env, "notifications[" + i + "].slack.webhookUrl",
                        slack.webhookUrl(), uses);
                default -> { }
            }
        }
    }

    private static void variables(DesiredEnvironment env, String at, Map<String, VariableValue> variables,
            List<SecretUse> uses) {
        variables.forEach((name, value) -> {
            if (value instanceof VariableValue.SecretRef ref) {
                add(env, at + "." + name, ref, uses);
            }
        });
    }

    private static void add(DesiredEnvironment env, String path, VariableValue.SecretRef ref, List<SecretUse> uses) {
        if (ref != null) {
            uses.add(new SecretUse(ref.name(), env.qualifiedName(), env.name() + "." + path,
                    env.sources().locate(path)));
        }
    }
}
