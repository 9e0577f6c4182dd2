/**
 * A small language for describing the shape of YAML documents (objects with known fields, scalar
 * types, enums, ranges, patterns, maps with value shapes, one-of, discriminated unions), a
 * validator that checks {@code YamlNode} trees against a shape with messages a person can act on,
 * and a generator that turns the same shape into a JSON Schema (draft 2020-12) for editors.
 *
 * <p>Generic: knows nothing of Switchman's documents (those are in
 * {@code dev.switchman.desired.LanguageShape}). May import {@code dev.switchman.desired.yaml} and
 * {@code dev.switchman.desired.diagnostic}; nothing from Quarkus, HTTP or JDBC.
 */
package dev.switchman.desired.shape;
