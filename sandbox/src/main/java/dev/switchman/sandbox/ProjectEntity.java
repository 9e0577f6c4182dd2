package dev.switchman.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A project: workspace, name, and the order its environments, services and volumes were created in. */
final class ProjectEntity {
    final String id;
    final String name;
    final String workspaceId;
    final Instant createdAt;
    final List<String> environmentIds = new ArrayList<>();
    final List<String> serviceIds = new ArrayList<>();
    final List<String> volumeIds = new ArrayList<>();

    ProjectEntity(String id, String name, String workspaceId, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.workspaceId = workspaceId;
        this.createdAt = createdAt;
    }
}
