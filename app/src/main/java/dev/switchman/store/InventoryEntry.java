package dev.switchman.store;

import java.time.Instant;

/**
 * Something Switchman created on Railway, and so may prune.
 *
 * @param kind what it is, for example {@code service}, {@code volume}, {@code environment}
 * @param name its name in the desired state
 * @param railwayId Railway's id for it
 * @param revision the desired revision that created it
 */
public record InventoryEntry(
        String project,
        String environment,
        String kind,
        String name,
        String railwayId,
        Instant createdAt,
        String revision) {
}
