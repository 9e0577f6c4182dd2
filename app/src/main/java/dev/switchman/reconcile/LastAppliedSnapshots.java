package dev.switchman.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.LastAppliedJson;
import dev.switchman.store.InventoryRepository;
import dev.switchman.store.LastAppliedRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** What Switchman applied to an environment last time, as the planner needs it, kept in the store. */
final class LastAppliedSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LastAppliedRepository lastApplied;
    private final InventoryRepository inventory;

    LastAppliedSnapshots(LastAppliedRepository lastApplied, InventoryRepository inventory) {
        this.lastApplied = lastApplied;
        this.inventory = inventory;
    }

    /** The stored snapshot, with services whose creation was recorded in the inventory (even if the run that created them died). */
    LastApplied load(DesiredEnvironment environment) {
        LastApplied stored = lastApplied.find(environment.project(), environment.name())
                .map(row -> LastAppliedJson.read(read(row.snapshotJson())))
                .orElse(LastApplied.empty());
        Set<String> owned = new TreeSet<>(stored.inventory());
        inventory.list(environment.project(), environment.name()).stream()
                .filter(entry -> StoreInventory.SERVICE.equals(entry.kind())).forEach(entry -> owned.add(entry.name()));
        return new LastApplied(stored.revision(), owned, stored.variableFingerprints(), stored.settingFingerprints(),
                stored.undeployed());
    }

    void save(DesiredEnvironment environment, LastApplied next, String revision) {
        lastApplied.save(new dev.switchman.store.LastApplied(environment.project(), environment.name(),
                LastAppliedJson.write(next).toString(), revision == null ? "" : revision, Instant.now()));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable last-applied snapshot", e);
        }
    }
}
