package dev.switchman.settings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The builder behind one {@link Setting} entry, so that each entry reads as one declaration: its YAML path,
 * value type and docs text first, then where Railway takes and returns it.
 */
final class Declaration {

    final String path;
    final ValueType type;
    final String doc;
    Write write;
    String configPointer;
    String instanceField;
    Object railwayDefault;
    boolean inPlace;
    String exclusiveWith;
    String needs;
    String needsWhy;
    List<Object> examples = List.of();

    private Declaration(String path, ValueType type, String doc) {
        this.path = Objects.requireNonNull(path);
        this.type = Objects.requireNonNull(type);
        this.doc = doc;
    }

    /** {@code doc} is the JSON Schema description and the docs table's note; null for none. */
    static Declaration at(String path, ValueType type, String doc) {
        return new Declaration(path, type, doc);
    }

    /** Written through {@code serviceInstanceUpdate}'s {@code field} and a config patch at {@code pointer}. */
    Declaration input(String field, String pointer) {
        return route(new Write.InstanceUpdate(field, true, Set.of()), pointer);
    }

    /** As {@link #input}, but {@code patchOnly} values are missing from the input's enum. */
    Declaration input(String field, String pointer, String... patchOnly) {
        return route(new Write.InstanceUpdate(field, true, Set.of(patchOnly)), pointer);
    }

    /** Written through {@code serviceInstanceUpdate} only, and read only from the service instance. */
    Declaration inputOnly(String field) {
        return route(new Write.InstanceUpdate(field, false, Set.of()), null);
    }

    /** Written only in a config patch, at {@code pointer}. */
    Declaration patchOnly(String pointer) {
        return route(new Write.ConfigPatchOnly(), pointer);
    }

    /** Written through {@code serviceInstanceLimitsUpdate}; the config holds the value times {@code scale}. */
    Declaration limit(String field, String pointer, double scale) {
        return route(new Write.Limit(field, scale), pointer);
    }

    /** A volume setting, written by {@code operation}. */
    Declaration volume(String operation) {
        return route(new Write.Volume(operation), null);
    }

    /** The {@code ServiceInstance} field the environment query selects for it (dotted when nested). */
    Declaration reads(String field) {
        this.instanceField = field;
        return this;
    }

    Declaration railwayDefault(Object value) {
        this.railwayDefault = value;
        return this;
    }

    /** Railway applies it without a deployment. */
    Declaration inPlace() {
        this.inPlace = true;
        return this;
    }

    /** At most one of this and its sibling {@code key} may be set. */
    Declaration exclusiveWith(String key) {
        this.exclusiveWith = key;
        return this;
    }

    /** Only valid when {@code path} is set too; {@code why} (or null) is said in the message. */
    Declaration needs(String path, String why) {
        this.needs = path;
        this.needsWhy = why;
        return this;
    }

    /**
     * Values that differ from Railway's default, as the binder holds them, for the docs and for the catalog's
     * round-trip test.
     */
    Declaration examples(Object... values) {
        this.examples = List.copyOf(Arrays.asList(values));
        return this;
    }

    /** Replicas per region in the order given (region, count, region, count ...), for examples. */
    static Map<String, Integer> replicas(Object... regionsAndCounts) {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (int i = 0; i < regionsAndCounts.length; i += 2) {
            replicas.put((String) regionsAndCounts[i], (Integer) regionsAndCounts[i + 1]);
        }
        return replicas;
    }

    private Declaration route(Write route, String pointer) {
        this.write = route;
        this.configPointer = pointer;
        return this;
    }
}
