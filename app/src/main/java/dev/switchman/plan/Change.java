package dev.switchman.plan;

import dev.switchman.settings.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change a plan makes to Railway. Each change knows, before anything is sent, what it does
 * ({@link Action}), what it costs ({@link Effect}) and its address.
 */
public sealed interface Change {

    enum Action { CREATE, UPDATE, DELETE }

    /** IN_PLACE takes effect at once, REDEPLOY with the service's next deployment, DESTRUCTIVE loses something. */
    enum Effect {
        IN_PLACE, REDEPLOY, DESTRUCTIVE;

        /** What changing {@code setting} costs: most settings take effect on the next deployment. */
        static Effect of(Setting setting) {
            return setting.redeploys() ? REDEPLOY : IN_PLACE;
        }
    }

    Action action();

    Effect effect();

    /** For example {@code service.backend.deploy.healthcheckTimeout} or {@code shared.LOG_LEVEL}. */
    String address();

    /** The service the change belongs to, or null for a shared variable. */
    String service();

    /** A service that does not exist yet, with every setting and variable it is created with. */
    record ServiceCreate(String service, Map<String, Object> settings, Map<String, PlannedValue> variables)
            implements Change {

        public ServiceCreate {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }

        public Action action() {
            return Action.CREATE;
        }

        public Effect effect() {
            return Effect.REDEPLOY;
        }

        public String address() {
            return "service." + service;
        }
    }

    /** A service Switchman created and no longer declares (prune on). */
    record ServiceDelete(String service, String serviceId) implements Change {

        public Action action() {
            return Action.DELETE;
        }

        public Effect effect() {
            return Effect.DESTRUCTIVE;
        }

        public String address() {
            return "service." + service;
        }
    }

    /** One setting of an existing service; {@code after} null unsets it. */
    record SettingUpdate(String service, Setting setting, Object before, Object after) implements Change {

        public String path() {
            return setting.path();
        }

        public Action action() {
            return Action.UPDATE;
        }

        public Effect effect() {
            return Effect.of(setting);
        }

        public String address() {
            return "service." + service + "." + setting.path();
        }
    }

    /** Creates ({@code before} null) or updates a variable. */
    record VariableSet(VariableScope scope, String name, PlannedValue before, PlannedValue after) implements Change {

        public Action action() {
            return before == null ? Action.CREATE : Action.UPDATE;
        }

        public Effect effect() {
            return Effect.REDEPLOY;
        }

        public String address() {
            return scope.address(name);
        }

        public String service() {
            return scope.service();
        }
    }

    /** Removes a variable Switchman set and no longer declares (prune on); its value is never shown. */
    record VariableDelete(VariableScope scope, String name) implements Change {

        public Action action() {
            return Action.DELETE;
        }

        public Effect effect() {
            return Effect.DESTRUCTIVE;
        }

        public String address() {
            return scope.address(name);
        }

        public String service() {
            return scope.service();
        }
    }

    /** A new volume for an existing or new service. */
    record VolumeCreate(String service, String mountPath, List<String> backupSchedules) implements Change {

        public VolumeCreate {
            backupSchedules = List.copyOf(backupSchedules);
        }

        public Action action() {
            return Action.CREATE;
        }

        public Effect effect() {
            return Effect.REDEPLOY;
        }

        public String address() {
            return "service." + service + ".volume";
        }
    }

    /** The complete set of Railway's backup schedules of a service's volume. */
    record VolumeBackupSchedulesUpdate(String service, List<String> before, List<String> after) implements Change {

        public VolumeBackupSchedulesUpdate {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }

        public Action action() {
            return Action.UPDATE;
        }

        public Effect effect() {
            return Effect.of(Setting.VOLUME_BACKUP_SCHEDULES);
        }

        public String address() {
            return "service." + service + "." + Setting.VOLUME_BACKUP_SCHEDULES.path();
        }
    }
}
