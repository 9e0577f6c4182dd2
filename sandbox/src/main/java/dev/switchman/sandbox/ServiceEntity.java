package dev.switchman.sandbox;

import java.time.Instant;

/** Project-level identity of a service; its settings per environment live in the environment config. */
final class ServiceEntity {
    final String id;
    final String projectId;
    String name;
    String icon;
    final Instant createdAt;

    ServiceEntity(String id, String projectId, String name, Instant createdAt) {
        this.id = id;
        this.projectId = projectId;
        this.name = name;
        this.createdAt = createdAt;
    }
}
