package dev.switchman.settings;

import java.util.Set;

/**
 * How Switchman writes a setting to Railway. The apply step and the sandbox switch over these routes
 * (exhaustively), never over individual settings.
 */
public sealed interface Write {

    /**
     * A field of {@code serviceInstanceUpdate}'s input ({@code healthcheckPath}, dotted when nested:
     * {@code source.image}); a config patch carries it at the setting's config pointer unless {@code inPatch} is
     * false. Values in {@code patchOnly} are missing from the input's enum: only a patch can say them.
     */
    record InstanceUpdate(String field, boolean inPatch, Set<String> patchOnly) implements Write {

        public InstanceUpdate {
            patchOnly = Set.copyOf(patchOnly);
        }
    }

    /** Only an environment config patch can say it (at the setting's config pointer). */
    record ConfigPatchOnly() implements Write {
    }

    /**
     * A field of {@code serviceInstanceLimitsUpdate}; a patch holds it at the config pointer as the value times
     * {@code configScale} (GB in YAML, bytes in the config). The mutation cannot reset a limit.
     */
    record Limit(String field, double configScale) implements Write {
    }

    /** A setting of the service's volume, written by {@code operation} and read from the volume instance. */
    record Volume(String operation) implements Write {
    }
}
