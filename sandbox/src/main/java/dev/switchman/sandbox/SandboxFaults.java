package dev.switchman.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * Fault knobs. Deployment faults apply to the next deployment created for a service (in any
 * environment) and are then used up; request faults answer the next N GraphQL requests.
 */
public final class SandboxFaults {

    /**
     * What the next deployment of a service does wrong. FAIL_PRE_DEPLOY fails its pre-deploy command
     * (a deployment of a service without one is not affected).
     */
    public enum DeploymentFault { FAIL_BUILD, FAIL_HEALTHCHECK, CRASH, DEGRADE, FAIL_PRE_DEPLOY }

    /** The error a failed pre-deploy command reports when the fault names none. */
    public static final String PRE_DEPLOY_ERROR = "Pre-deploy command exited with code 1";

    private final Map<String, DeploymentEntity.Fate> nextDeployment = new HashMap<>();
    private int tooManyRequests;
    private int retryAfterSeconds = 1;
    private int serverErrors;
    private long delayMillis;
    private final Map<String, Integer> lostResponses = new HashMap<>();
    private final Map<String, Integer> refusals = new HashMap<>();
    private final Map<String, Long> slowOperations = new HashMap<>();
    private long virtualLatencyMillis;
    private int badGateways;

    /** {@code seconds} is the time after SUCCESS at which a CRASH happens; ignored otherwise. */
    public void nextDeployment(String serviceId, DeploymentFault fault, long seconds) {
        nextDeployment(serviceId, fault, seconds, null);
    }

    /** As above; {@code error} is what a failed pre-deploy command reports (null: {@link #PRE_DEPLOY_ERROR}). */
    public synchronized void nextDeployment(String serviceId, DeploymentFault fault, long seconds, String error) {
        DeploymentEntity.Fate fate = switch (fault) {
            case FAIL_BUILD -> new DeploymentEntity.Fate(true, false, null, false, null);
            case FAIL_HEALTHCHECK -> new DeploymentEntity.Fate(false, true, null, false, null);
            case CRASH -> new DeploymentEntity.Fate(false, false, seconds, false, null);
            case DEGRADE -> new DeploymentEntity.Fate(false, false, null, true, null);
            case FAIL_PRE_DEPLOY -> new DeploymentEntity.Fate(false, false, null, false,
                    error == null || error.isBlank() ? PRE_DEPLOY_ERROR : error);
        };
        nextDeployment.put(serviceId, fate);
    }

    synchronized DeploymentEntity.Fate takeFate(String serviceId) {
        DeploymentEntity.Fate fate = nextDeployment.remove(serviceId);
        return fate == null ? DeploymentEntity.Fate.HEALTHY : fate;
    }

    /** The next {@code count} requests get HTTP 429 with {@code Retry-After: retryAfter}. */
    public synchronized void tooManyRequests(int count, int retryAfter) {
        this.tooManyRequests = count;
        this.retryAfterSeconds = retryAfter;
    }

    /** The next {@code count} requests get HTTP 503 and are not executed. */
    public synchronized void serverErrors(int count) {
        this.serverErrors = count;
    }

    /**
     * The next {@code count} requests of {@code operation} (a GraphQL operation name such as
     * {@code ServiceInstanceDeploy}; null for any) are executed, then answered with HTTP 504 as a gateway
     * answers when the response is lost on its way: the caller cannot know whether it took effect.
     */
    public synchronized void loseResponses(String operation, int count) {
        lostResponses.put(operation == null ? "" : operation, count);
    }

    /** Whether the response to this executed request of {@code operation} is lost. */
    synchronized boolean takeLostResponse(String operation) {
        return take(lostResponses, operation);
    }

    /**
     * The next {@code count} requests of {@code operation} (null for any) get HTTP 503 and are not executed, as
     * when Railway is down for that mutation while the rest answers.
     */
    public synchronized void refuse(String operation, int count) {
        refusals.put(operation == null ? "" : operation, count);
    }

    synchronized boolean takeRefusal(String operation) {
        return take(refusals, operation);
    }

    /**
     * The next {@code count} requests meet a proxy in trouble: HTTP 502 with an HTML page instead of JSON, not
     * executed.
     */
    public synchronized void badGateway(int count) {
        this.badGateways = count;
    }

    synchronized boolean takeBadGateway() {
        if (badGateways <= 0) {
            return false;
        }
        badGateways--;
        return true;
    }

    /** Every request takes this long on the sandbox's own clock (its virtual time moves while it answers). */
    public synchronized void virtualLatency(long millis) {
        this.virtualLatencyMillis = millis;
    }

    synchronized long virtualLatencyMillis() {
        return virtualLatencyMillis;
    }

    private static boolean take(Map<String, Integer> counts, String operation) {
        for (String key : new String[] {operation == null ? "" : operation, ""}) {
            Integer left = counts.get(key);
            if (left != null && left > 0) {
                counts.put(key, left - 1);
                return true;
            }
        }
        return false;
    }

    /** Every GraphQL response is held back this long (real time), e.g. to exercise client timeouts. */
    public synchronized void delay(long millis) {
        this.delayMillis = millis;
    }

    synchronized long delayMillis() {
        return delayMillis;
    }

    /**
     * Every request of {@code operation} waits this long (real time) before Railway executes it: a client that
     * gives up sooner still sees it take effect afterwards.
     */
    public synchronized void slow(String operation, long millis) {
        slowOperations.put(operation, millis);
    }

    /** How long a request of {@code operation} is held before it executes: its own delay, else every request's. */
    synchronized long delayMillis(String operation) {
        return Math.max(delayMillis, operation == null ? 0 : slowOperations.getOrDefault(operation, 0L));
    }

    /** Retry-After seconds if this request falls in a 429 storm, else -1. */
    synchronized int takeTooManyRequests() {
        if (tooManyRequests <= 0) {
            return -1;
        }
        tooManyRequests--;
        return retryAfterSeconds;
    }

    synchronized boolean takeServerError() {
        if (serverErrors <= 0) {
            return false;
        }
        serverErrors--;
        return true;
    }
}
