/**
 * The setting catalog: each Railway service setting Switchman manages, declared once in
 * {@link dev.switchman.settings.Setting} (YAML path, value type and docs, how Railway takes and returns it, its
 * default, whether it redeploys), and {@link dev.switchman.settings.SettingValues}, a service's declared values
 * keyed by entry.
 *
 * <p>Imports only the JDK, so that {@code desired}, {@code observed}, {@code plan}, {@code apply},
 * {@code railway} and {@code sandbox} may all derive their handling of settings from it without a cycle.
 */
package dev.switchman.settings;
