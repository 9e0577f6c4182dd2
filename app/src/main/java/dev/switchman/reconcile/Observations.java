package dev.switchman.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.apply.RailwayTargets;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment read each run starts with. Runs the loop starts together share one request: the first of them
 * to read asks Railway for the whole batch (aliases of one query) while the others wait for it, and each takes
 * its own answer, if it is still fresh. A run outside a batch, or whose batch read failed, reads alone.
 */
final class Observations {

    /** An answer older than this is read again: the run decides on what Railway holds now. */
    private static final Duration FRESH = Duration.ofSeconds(20);

    /** An environment's state and when Railway gave it. */
    record Read(JsonNode state, Instant at) {
    }

    private final RailwayApi railway;
    private final RailwayTargets targets;
    private final Map<String, List<DesiredEnvironment>> batchOf = new ConcurrentHashMap<>();
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    Observations(RailwayApi railway, RailwayTargets targets) {
        this.railway = railway;
        this.targets = targets;
    }

    /** These environments start together. */
    void together(List<DesiredEnvironment> batch) {
        if (batch.size() > 1) {
            List<DesiredEnvironment> members = List.copyOf(batch);
            members.forEach(environment -> batchOf.put(environment.qualifiedName(), members));
        }
    }

    /** The state of {@code environment} (Railway id {@code environmentId}) for its run. */
    Read read(DesiredEnvironment environment, String environmentId) {
        List<DesiredEnvironment> batch = batchOf.remove(environment.qualifiedName());
        Read cached = fresh(environmentId);
        if (cached != null) {
            return cached;
        }
        if (batch != null) {
            synchronized (batch) {
                cached = fresh(environmentId);
                if (cached != null) {
                    return cached;
                }
                Read mine = readTogether(batch, environmentId);
                if (mine != null) {
                    return mine;
                }
            }
        }
        return new Read(railway.environmentState(environmentId), Instant.now());
    }

    private Read readTogether(List<DesiredEnvironment> batch, String environmentId) {
        List<String> ids = new ArrayList<>();
        for (DesiredEnvironment member : batch) {
            try {
                ids.add(targets.environmentId(member));
            } catch (RailwayTargets.Unresolved | RailwayException unknown) {
                // its own run says what is wrong
            }
        }
        Map<String, JsonNode> states;
        try {
            states = railway.environmentStates(ids);
        } catch (RailwayException failed) {
            return null;
        }
        Instant now = Instant.now();
        reads.values().removeIf(read -> read.at().plus(FRESH).isBefore(now));
        states.forEach((id, state) -> {
            if (!id.equals(environmentId)) {
                reads.put(id, new Read(state, now));
            }
        });
        JsonNode mine = states.get(environmentId);
        return mine == null ? null : new Read(mine, now);
    }

    private Read fresh(String environmentId) {
        Read read = reads.remove(environmentId);
        return read != null && read.at().plus(FRESH).isAfter(Instant.now()) ? read : null;
    }
}
