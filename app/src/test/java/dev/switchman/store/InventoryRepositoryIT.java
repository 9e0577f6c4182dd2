package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InventoryRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    @Inject
    InventoryRepository inventory;

    @Test
    void recordingTheSameThingAgainKeepsOneEntryWithTheNewIdAndTheFirstCreationTime() {
        inventory.record(new InventoryEntry("inv-a", "production", "service", "web", "svc-1", T0, "r1"));
        inventory.record(new InventoryEntry("inv-a", "production", "service", "web", "svc-2", T0.plusSeconds(9), "r2"));

        assertThat(inventory.list("inv-a", "production"))
                .containsExactly(new InventoryEntry("inv-a", "production", "service", "web", "svc-2", T0, "r2"));
    }

    @Test
    void entriesAreListedPerEnvironmentAndCanBeForgotten() {
        inventory.record(new InventoryEntry("inv-b", "staging", "volume", "data", "vol-1", T0, "r1"));
        inventory.record(new InventoryEntry("inv-b", "staging", "service", "worker", "svc-3", T0, "r1"));
        inventory.record(new InventoryEntry("inv-b", "production", "service", "worker", "svc-4", T0, "r1"));

        assertThat(inventory.remove("inv-b", "staging", "volume", "data")).isTrue();
        assertThat(inventory.remove("inv-b", "staging", "volume", "data")).isFalse();

        assertThat(inventory.list("inv-b", "staging")).extracting(InventoryEntry::railwayId).containsExactly("svc-3");
        assertThat(inventory.find("inv-b", "production", "service", "worker")).map(InventoryEntry::railwayId)
                .contains("svc-4");
        assertThat(inventory.find("inv-b", "staging", "volume", "data")).isEmpty();
    }
}
