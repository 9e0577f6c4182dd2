package dev.switchman.bench;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.desired.VariableValue;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVariable;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.Plan;
import dev.switchman.plan.PlanRenderer;
import dev.switchman.plan.Planner;
import dev.switchman.settings.Setting;
import dev.switchman.settings.SettingValues;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints how long planning takes for a large environment: 200 services with 30 variables each
 * (a third of them secrets), with drift on every tenth setting and every seventh variable.
 * A program, not a test: run {@code bench/plan-benchmark.sh [runs]}.
 */
public final class PlanBenchmark {

    private static final int SERVICES = 200;
    private static final int VARIABLES = 30;

    private PlanBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = Math.max(50, runs / 2);
        DesiredEnvironment desired = desired();
        ObservedEnvironment observed = observed();
        Secrets secrets = name -> Optional.of("secret-value-of-" + name);
        Plan plan = null;
        for (int i = 0; i < warmup; i++) {
            plan = Planner.plan("bench", desired, observed, LastApplied.empty(), secrets);
            PlanRenderer.text(plan);
            PlanRenderer.json(plan);
        }
        long[] planNanos = new long[runs];
        long[] textNanos = new long[runs];
        long[] jsonNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            plan = Planner.plan("bench", desired, observed, LastApplied.empty(), secrets);
            long planned = System.nanoTime();
            PlanRenderer.text(plan);
            long text = System.nanoTime();
            PlanRenderer.json(plan);
            long json = System.nanoTime();
            planNanos[i] = planned - start;
            textNanos[i] = text - planned;
            jsonNanos[i] = json - text;
        }
        System.out.printf(Locale.ROOT, "environment: %d services x %d variables; plan: %d changes (%d add, %d change,"
                + " %d destroy), %d redeploys%n", SERVICES, VARIABLES, plan.changes().size(), plan.toAdd(),
                plan.toChange(), plan.toDestroy(), plan.redeploys().size());
        System.out.printf(Locale.ROOT, "runs: %d after %d warm-up runs; java %s%n", runs, warmup,
                System.getProperty("java.version"));
        print("plan", planNanos);
        print("render text", textNanos);
        print("render json", jsonNanos);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-12s median %7.2f ms   p95 %7.2f ms   max %7.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static DesiredEnvironment desired() {
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        for (int s = 0; s < SERVICES; s++) {
            Map<String, VariableValue> variables = new LinkedHashMap<>();
            for (int v = 0; v < VARIABLES; v++) {
                variables.put(variable(v), v % 3 == 0
                        ? new VariableValue.SecretRef("SECRET_" + s + "_" + v)
                        : new VariableValue.Literal("value-" + s + "-" + v));
            }
            List<String> dependsOn = s == 0 ? List.of() : List.of(name(s / 2));
            Map<Setting, Object> settings = new EnumMap<>(Setting.class);
            settings.put(Setting.SOURCE_IMAGE, "ghcr.io/acme/" + name(s) + ":1.0");
            settings.put(Setting.DEPLOY_START_COMMAND, "run " + s);
            settings.put(Setting.DEPLOY_PRE_DEPLOY_COMMAND, List.of("migrate"));
            settings.put(Setting.DEPLOY_HEALTHCHECK_PATH, "/health");
            settings.put(Setting.DEPLOY_HEALTHCHECK_TIMEOUT, 120);
            settings.put(Setting.DEPLOY_RESTART_POLICY_TYPE, "ALWAYS");
            settings.put(Setting.DEPLOY_RESTART_POLICY_MAX_RETRIES, 3);
            settings.put(Setting.DEPLOY_NUM_REPLICAS, 2);
            settings.put(Setting.DEPLOY_REGION, "us-west2");
            settings.put(Setting.DEPLOY_SLEEP_APPLICATION, false);
            settings.put(Setting.DEPLOY_OVERLAP_SECONDS, 30);
            settings.put(Setting.DEPLOY_DRAINING_SECONDS, 10);
            settings.put(Setting.DEPLOY_LIMITS_VCPUS, 2.0);
            settings.put(Setting.DEPLOY_LIMITS_MEMORY_GB, 4.0);
            services.put(name(s), new ServiceSpec(name(s), SettingValues.of(settings), variables, List.of(), dependsOn,
                    null, SourceLocation.UNKNOWN));
        }
        return new DesiredEnvironment("bench", "production", null, services,
                Map.of("LOG_LEVEL", new VariableValue.Literal("info")), Map.of(), Policy.DEFAULT,
                SourceLocation.UNKNOWN);
    }

    private static ObservedEnvironment observed() {
        Map<String, ObservedService> services = new LinkedHashMap<>();
        for (int s = 0; s < SERVICES; s++) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("source.image", "ghcr.io/acme/" + name(s) + (s % 10 == 0 ? ":0.9" : ":1.0"));
            settings.put("deploy.startCommand", "run " + s);
            settings.put("deploy.preDeployCommand", "migrate");
            settings.put("deploy.healthcheckPath", "/health");
            settings.put("deploy.healthcheckTimeout", s % 10 == 5 ? 300 : 120);
            settings.put("deploy.restartPolicyType", "ALWAYS");
            settings.put("deploy.restartPolicyMaxRetries", 3);
            settings.put("deploy.numReplicas", 2);
            settings.put("deploy.region", "us-west2");
            settings.put("deploy.overlapSeconds", 30);
            settings.put("deploy.drainingSeconds", 10);
            settings.put("deploy.limits.vCPUs", 2);
            settings.put("deploy.limits.memoryGB", 4.0);
            Map<String, ObservedVariable> variables = new LinkedHashMap<>();
            for (int v = 0; v < VARIABLES; v++) {
                String value = v % 3 == 0 ? "secret-value-of-SECRET_" + s + "_" + v : "value-" + s + "-" + v;
                variables.put(variable(v), ObservedVariable.of((s * VARIABLES + v) % 7 == 0 ? value + "-drifted" : value));
            }
            variables.put("RAILWAY_PRIVATE_DOMAIN", ObservedVariable.of(name(s) + ".railway.internal"));
            services.put(name(s), new ObservedService("id-" + s, name(s), settings, variables, null, null));
        }
        return new ObservedEnvironment("env", "production", "project", "etag", 0, services,
                Map.of("LOG_LEVEL", ObservedVariable.of("info")));
    }

    private static String name(int service) {
        return "service-" + service;
    }

    private static String variable(int index) {
        return "VARIABLE_" + index;
    }
}
