package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The environment's staged (not yet committed) change set after staging.
 *
 * @param status Railway's EnvironmentPatchStatus (STAGED, APPLYING, COMMITTED, ...) as a string
 * @param patch the staged environment config patch, raw
 */
public record StagedPatch(String id, String status, JsonNode patch) {
}
