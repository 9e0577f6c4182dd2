package dev.switchman.rollout;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.observed.ObservedDeployment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Light monitoring after the soak, on the environment read a run makes anyway: a verified
 * deployment that has since CRASHED, or whose checks fail {@code failureThreshold} rounds in a row
 * (at most every {@code monitorInterval}), is reported once and, with rollback {@code automatic},
 * handed back as a service to roll back. A running deployment Switchman never made is deployment
 * drift: reported, and redeployed from the desired state with {@code selfHeal}.
 */
final class Monitor {

    /** What monitoring found for one service. */
    record Finding(String service, String serviceId, String deploymentId, String reason, boolean drift) {
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
    List<Finding> look(DesiredEnvironment environment, ObservedEnvironment observed, String revision,
            java.util.function.Function<String, String> domainOf, Instant now) {
        boolean checksDue = !now.isBefore(nextRound.getOrDefault(environment.qualifiedName(), Instant.MIN));
        if (checksDue) {
            nextRound.put(environment.qualifiedName(), now.plus(settings.monitorInterval()));
        }
        List<Finding> findings = new java.util.ArrayList<>();
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
                if (phase.running() && !recorder.store().made(environment.project(), environment.name(), latest.id())) {
                    findings.add(new Finding(entry.getKey(), service.serviceId(), latest.id(),
                            "deployment " + latest.id() + " was not made by Switchman", true));
                }
                continue;
            }
            String problem = phase == DeploymentPhase.CRASHED ? "Railway: deployment CRASHED after it was verified"
                    : checksDue && phase.running() ? failingChecks(entry.getValue(), key, domainOf.apply(service.serviceId()))
                    : null;
            if (problem == null) {
                if (reported.remove(key) != null) {
                    recorder.recovered(environment, entry.getKey(), revision, now);
                }
            } else if (reported.putIfAbsent(key, problem) == null) {
                recorder.monitoredFailure(environment, entry.getKey(), revision, problem, now);
                findings.add(new Finding(entry.getKey(), service.serviceId(), latest.id(), problem, false));
            }
        }
        return findings;
    }

    /** Null while the checks pass or have failed fewer rounds in a row than the threshold. */
    private String failingChecks(ServiceSpec spec, String key, String baseUrl) {
        if (spec.verify() == null || spec.verify().checks().isEmpty()) {
            return null;
        }
        String url = spec.verify().baseUrl() != null ? spec.verify().baseUrl() : baseUrl;
        List<CheckResult> round = checks.round(url, spec.verify());
        recorder.checks(round);
        CheckResult failed = round.stream().filter(r -> !r.passed()).findFirst().orElse(null);
        int inARow = failed == null ? 0 : failures.merge(key, 1, Integer::sum);
        if (failed == null) {
            failures.remove(key);
        }
        return inARow >= Math.max(1, spec.verify().failureThreshold())
                ? "check " + failed.check() + " failed " + inARow + " time(s) in a row after the soak: " + failed.reason()
                : null;
    }

    /** Forgets what was reported for the environment (a new rollout starts from scratch). */
    void reset(DesiredEnvironment environment) {
        String prefix = environment.qualifiedName() + "/";
        reported.keySet().removeIf(k -> k.startsWith(prefix));
        failures.keySet().removeIf(k -> k.startsWith(prefix));
    }

    static boolean rollsBack(DesiredEnvironment environment) {
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        return policy.rollback() == Policy.RollbackMode.AUTOMATIC;
    }
}
