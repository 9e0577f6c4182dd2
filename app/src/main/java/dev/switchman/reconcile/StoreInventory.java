package dev.switchman.reconcile;

import dev.switchman.apply.ServiceInventory;
import dev.switchman.store.InventoryEntry;
import dev.switchman.store.InventoryRepository;
import java.time.Instant;

/** The executor's inventory port over the store: one row per created service, intent first. */
final class StoreInventory implements ServiceInventory {

    static final String SERVICE = "service";

    private final InventoryRepository repository;
    private final String project;
    private final String environment;
    private final String revision;

    StoreInventory(InventoryRepository repository, String project, String environment, String revision) {
        this.repository = repository;
        this.project = project;
        this.environment = environment;
        this.revision = revision;
    }

    @Override
    public void intend(String service) {
        if (repository.find(project, environment, SERVICE, service).isEmpty()) {
            repository.record(new InventoryEntry(project, environment, SERVICE, service, null, Instant.now(), revision));
        }
    }

    @Override
    public void created(String service, String railwayId) {
        repository.record(new InventoryEntry(project, environment, SERVICE, service, railwayId, Instant.now(), revision));
    }

    @Override
    public void deleted(String service) {
        repository.remove(project, environment, SERVICE, service);
    }
}
