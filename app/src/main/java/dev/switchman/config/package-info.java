/**
 * Switchman's configuration: the {@code switchman.*} properties ({@link dev.switchman.config.SwitchmanConfig})
 * and the translation of a libpq-style {@code DATABASE_URL} into Quarkus datasource settings.
 *
 * <p>May import SmallRye Config; nothing from the other Switchman packages (each adapter that needs its own
 * settings maps its own prefix, as {@code railway.RailwayConfig} does for {@code switchman.railway.*}).
 */
package dev.switchman.config;
