package dev.switchman.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Project-level volume. Its per-environment instance is {@code config.volumes.<id>} plus the mounting
 * service's {@code volumeMounts.<id>}; a detached instance's mount path is remembered here.
 */
final class VolumeEntity {
    final String id;
    final String projectId;
    final String name;
    final Instant createdAt;
    final Map<String, String> detachedMountPath = new HashMap<>();

    VolumeEntity(String id, String projectId, String name, Instant createdAt) {
        this.id = id;
        this.projectId = projectId;
        this.name = name;
        this.createdAt = createdAt;
    }
}
