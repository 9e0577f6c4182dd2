package dev.switchman.desired;

import dev.switchman.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database migrated by a command ({@code migrations.command} + {@code migrations.service}) is
 * migrated by Railway as that service's pre-deploy command: Switchman sets it there when the service
 * declares none, so a deployment that fails in pre-deploy is a failed migration. When the service
 * declares one too, the two must agree ({@link SemanticChecks} reports it otherwise).
 */
final class PreDeployMigrations {

    private PreDeployMigrations() {
    }

    static Map<String, ServiceSpec> apply(Map<String, ServiceSpec> services, Map<String, DatabaseSpec> databases) {
        Map<String, ServiceSpec> result = new LinkedHashMap<>(services);
        for (DatabaseSpec database : databases.values()) {
            DatabaseSpec.MigrationSpec m = database.migrations();
            if (m == null || m.command() == null || m.service() == null || !result.containsKey(m.service())) {
                continue;
            }
            ServiceSpec service = result.get(m.service());
            if (service.settings().get(Setting.DEPLOY_PRE_DEPLOY_COMMAND) == null) {
                result.put(m.service(), service.withSettings(
                        service.settings().with(Setting.DEPLOY_PRE_DEPLOY_COMMAND, List.of(m.command()))));
            }
        }
        return result;
    }

    /** Whether {@code declared} (a service's pre-deploy command) runs {@code command} and nothing else. */
    static boolean agrees(List<String> declared, String command) {
        return declared == null || declared.equals(List.of(command));
    }
}
