package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks on one merged environment that no single field can express: references between
 * services, databases and variables, dependency cycles, and migration folders on disk.
 */
final class SemanticChecks {

    private final DesiredEnvironment env;
    private final Path root;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private SemanticChecks(DesiredEnvironment env, Path root) {
        this.env = env;
        this.root = root;
    }

    static List<Diagnostic> check(DesiredEnvironment env, Path root) {
        SemanticChecks checks = new SemanticChecks(env, root);
        checks.variables("sharedVariables", env.sharedVariables());
        env.services().values().forEach(checks::service);
        checks.cycles();
        env.databases().values().forEach(checks::database);
        return checks.diagnostics;
    }

    private void service(ServiceSpec service) {
        String at = "services." + service.name();
        variables(at + ".variables", service.variables());
        for (Setting setting : Setting.values()) {
            Setting needed = setting.needs().orElse(null);
            if (needed != null && service.settings().get(setting) != null && service.settings().get(needed) == null) {
                error(at + "." + setting.path(), setting.path() + " needs " + needed.path()
                        + (setting.needsWhy() == null ? "" : " (" + setting.needsWhy() + ")"));
            }
        }
        for (int i = 0; i < service.requiredVariables().size(); i++) {
            String name = service.requiredVariables().get(i);
            if (name.startsWith("RAILWAY_")) {
                reserved(at + ".requiredVariables[" + i + "]", name);
            } else if (!service.variables().containsKey(name)) {
                error(at + ".requiredVariables[" + i + "]", "required variable " + name + " is not declared for"
                        + " service " + service.name() + " in environment " + env.name() + "; " + env.name()
                        + " refuses to proceed until " + at + ".variables." + name + " is set");
            }
        }
        for (int i = 0; i < service.dependsOn().size(); i++) {
            String dependency = service.dependsOn().get(i);
            String path = at + ".dependsOn[" + i + "]";
            if (dependency.equals(service.name())) {
                error(path, "service " + service.name() + " depends on itself");
            } else if (!env.services().containsKey(dependency)) {
                error(path, "unknown service \"" + dependency + "\" in dependsOn; " + known());
            }
        }
    }

    private void cycles() {
        for (List<String> cycle : DependencyCycles.find(env.services())) {
            String first = cycle.get(0);
            int index = env.services().get(first).dependsOn().indexOf(cycle.get(1));
            error("services." + first + ".dependsOn[" + index + "]", "dependency cycle: "
                    + String.join(" -> ", cycle));
        }
    }

    private void database(DatabaseSpec db) {
        String at = "databases." + db.name();
        if (db.service() != null && !env.services().containsKey(db.service())) {
            error(at + ".service", "unknown service \"" + db.service() + "\"; " + known());
        }
        DatabaseSpec.MigrationSpec migrations = db.migrations();
        if (migrations == null) {
            return;
        }
        if (migrations.service() != null && !env.services().containsKey(migrations.service())) {
            error(at + ".migrations.service", "unknown service \"" + migrations.service() + "\"; " + known());
        }
        if (migrations.command() != null && migrations.service() == null) {
            error(at + ".migrations", "migrations.command needs migrations.service: the service whose pre-deploy"
                    + " command runs it");
        }
        ServiceSpec runner = migrations.service() == null ? null : env.services().get(migrations.service());
        List<String> preDeploy = runner == null ? null : runner.settings().strings(Setting.DEPLOY_PRE_DEPLOY_COMMAND);
        if (migrations.command() != null && !PreDeployMigrations.agrees(preDeploy, migrations.command())) {
            error(at + ".migrations.command", "services." + migrations.service() + ".deploy.preDeployCommand "
                    + preDeploy + " differs from migrations.command \"" + migrations.command()
                    + "\"; Railway runs the migrations as the pre-deploy command: declare one of them, or the same in both");
        }
        if (migrations.path() != null && !isDirectoryBelowRoot(migrations.path())) {
            error(at + ".migrations.path", "migrations path \"" + migrations.path() + "\" is not a directory"
                    + " below the desired-state directory");
        }
    }

    private void variables(String at, Map<String, VariableValue> variables) {
        variables.keySet().stream().filter(n -> n.startsWith("RAILWAY_")).forEach(n -> reserved(at + "." + n, n));
    }

    private void reserved(String path, String name) {
        error(path, name + " is one of Railway's own variables (names starting with RAILWAY_ are reserved);"
                + " choose another name");
    }

    private boolean isDirectoryBelowRoot(String relative) {
        try {
            Path realRoot = root.toRealPath();
            Path target = realRoot.resolve(relative).normalize();
            return target.startsWith(realRoot) && Files.isDirectory(target)
                    && target.toRealPath().startsWith(realRoot);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    private String known() {
        return env.services().isEmpty() ? "environment " + env.name() + " declares no services"
                : "services in " + env.name() + ": " + String.join(", ", env.services().keySet());
    }

    private void error(String path, String message) {
        diagnostics.add(Diagnostic.error(env.sources().locate(path), env.name() + "." + path, message));
    }
}
