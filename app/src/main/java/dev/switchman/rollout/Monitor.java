package dev.switchman.rollout;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.observed.ObservedDeployment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Light monitoring after the soak, on the environment read a run makes anyway: a verified
 * deployment that has since CRASHED, or whose checks fail {@code failureThreshold} rounds in a row
 * (at most every {@code monitorInterval}), is reported once and handed back as a service that may be
 * rolled back. A running deployment Switchman never made is deployment drift, unless it runs what the
 * service's settings name (Railway redeployed by itself): that one is watched like the verified one.
 */
final class Monitor {

    private static final String CRASHED = "Railway: deployment CRASHED after it was verified";

    /**
     * What monitoring found for one service.
     *
     * @param check the check that failed its threshold, null for a crash or deployment drift
     */
    record Finding(String service, String serviceId, String deploymentId, String reason, CheckResult check,
            boolean drift) {
    }

    private final RolloutRecorder recorder;
    private final AppChecks checks;
    private final RolloutSettings settings;
    private final Map<String, Instant> nextRound = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, String> reported = new ConcurrentHashMap<>();

    Monitor(RolloutRecorder recorder, AppChecks checks, RolloutSettings settings) {
        this.recorder = recorder;
        this.checks = checks;
        this.settings = settings;
    }

    /** The services that need action now (empty when all is well or nothing is due). */
    List<Finding> look(DesiredEnvironment environment, ObservedEnvironment observed, String revision, Instant now) {
        boolean checksDue = !now.isBefore(nextRound.getOrDefault(environment.qualifiedName(), Instant.MIN));
        if (checksDue) {
            nextRound.put(environment.qualifiedName(), now.plus(settings.monitorInterval()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, ServiceSpec> entry : environment.services().entrySet()) {
            ObservedService service = observed.services().get(entry.getKey());
            ObservedDeployment latest = service == null ? null : service.latestDeployment();
            String good = recorder.store().lastGood(environment.project(), environment.name(), entry.getKey(), null)
                    .orElse(null);
            if (latest == null || good == null) {
                continue;
            }
            String key = environment.qualifiedName() + "/" + entry.getKey();
            DeploymentPhase phase = DeploymentPhase.of(latest.status());
            if (!latest.id().equals(good)) {
                boolean made = recorder.store().made(environment.project(), environment.name(), latest.id());
                if (made || !phase.running() && phase != DeploymentPhase.CRASHED) {
                    continue;
                }
                if (!runsWhatIsConfigured(service, latest)) {
                    findings.add(new Finding(entry.getKey(), service.serviceId(), latest.id(),
                            "deployment " + latest.id() + " was not made by Switchman", null, true));
                    continue;
                }
                // Railway redeployed what the settings name (a restart, a variable edited in the dashboard):
                // not drift, but what serves now, so it is watched like the verified one
            }
            String reportedProblem = reported.get(key);
            CheckResult failed = null;
            String problem;
            if (phase == DeploymentPhase.CRASHED) {
                problem = CRASHED;
            } else if (checksDue && phase.running() && hasChecks(entry.getValue())) {
                failed = failingChecks(entry.getValue(), key, baseUrl(entry.getValue(), service));
                problem = failed == null ? null : "check " + failed.check() + " failed " + failures.get(key)
                        + " time(s) in a row after the soak: " + failed.reason();
            } else if (phase.running() && CRASHED.equals(reportedProblem)) {
                problem = null; // Railway restarted it and it runs again
            } else {
                continue; // nothing judged on this run: what was reported stands
            }
            if (problem == null) {
                if (reported.remove(key) != null) {
                    recorder.recovered(environment, entry.getKey(), revision, now);
                }
            } else if (reported.putIfAbsent(key, problem) == null) {
                recorder.monitoredFailure(environment, entry.getKey(), revision, latest.id(), failed, problem, now);
                findings.add(new Finding(entry.getKey(), service.serviceId(), latest.id(), problem, failed, false));
            }
        }
        return findings;
    }

    /** Whether {@code deployment} runs the image or pinned commit the service's settings name now. */
    private static boolean runsWhatIsConfigured(ObservedService service, ObservedDeployment deployment) {
        Object image = service.settings().get("source.image");
        if (image != null) {
            return image.equals(deployment.meta().get("image"));
        }
        Object pinned = service.settings().get("source.commitSha");
        return pinned != null && pinned.equals(deployment.meta().get("commitHash"));
    }

    private static boolean hasChecks(ServiceSpec spec) {
        return spec.verify() != null && !spec.verify().checks().isEmpty();
    }

    private String baseUrl(ServiceSpec spec, ObservedService service) {
        if (spec.verify() != null && spec.verify().baseUrl() != null) {
            return spec.verify().baseUrl();
        }
        return settings.domainBaseUrl() + (service.domain() == null ? "no-domain-" + service.name() : service.domain());
    }

    /** The check that failed {@code failureThreshold} rounds in a row; null while they pass or fail less. */
    private CheckResult failingChecks(ServiceSpec spec, String key, String baseUrl) {
        List<CheckResult> round = checks.round(baseUrl, spec.verify());
        recorder.checks(round);
        CheckResult failed = round.stream().filter(r -> !r.passed()).findFirst().orElse(null);
        if (failed == null) {
            failures.remove(key);
            return null;
        }
        int inARow = failures.merge(key, 1, Integer::sum);
        return inARow >= Math.max(1, spec.verify().failureThreshold()) ? failed : null;
    }

    /** Forgets what was reported for the environment (a new rollout starts from scratch). */
    void reset(DesiredEnvironment environment) {
        String prefix = environment.qualifiedName() + "/";
        reported.keySet().removeIf(k -> k.startsWith(prefix));
        failures.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
