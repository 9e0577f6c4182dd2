package dev.switchman.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One environment. {@link #config} is the single source of truth for every service instance's
 * settings, variables and volume mounts, kept in Railway's EnvironmentConfig shape; the etag is
 * derived from it, so it moves exactly when the config changes.
 */
final class EnvironmentEntity {
    final String id;
    final String projectId;
    String name;
    final boolean ephemeral;
    final Instant createdAt;
    final Map<String, Object> config = new LinkedHashMap<>();
    Map<String, Object> staged = new LinkedHashMap<>();
    String stagedPatchId;
    Instant stagedAt;
    private String etag;
    private int version;

    EnvironmentEntity(String id, String projectId, String name, boolean ephemeral, Instant createdAt) {
        this.id = id;
        this.projectId = projectId;
        this.name = name;
        this.ephemeral = ephemeral;
        this.createdAt = createdAt;
        configChanged();
    }

    /** Call after every change to {@link #config}; the version keeps A -> B -> A from reusing an etag. */
    void configChanged() {
        version++;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((id + "#" + version + "#" + config).getBytes(StandardCharsets.UTF_8));
            etag = HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String configEtag() {
        return etag;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> services() {
        return JsonTree.path(config, true, "services");
    }

    /** The config subtree of a service present (not deleted) in this environment, or null. */
    Map<String, Object> serviceConfig(String serviceId) {
        Map<String, Object> svc = JsonTree.path(config, false, "services", serviceId);
        return svc == null || Boolean.TRUE.equals(svc.get("isDeleted")) ? null : svc;
    }

    int unmergedChangesCount() {
        int count = 0;
        for (Object group : staged.values()) {
            count += group instanceof Map<?, ?> m ? m.size() : 1;
        }
        return count;
    }
}
