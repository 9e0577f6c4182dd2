/**
 * Switchman's configuration: the {@code switchman.*} properties ({@link dev.switchman.config.SwitchmanConfig})
 * and the translation of a libpq-style {@code DATABASE_URL} into Quarkus datasource settings.
 *
 * <p>May import Quarkus and SmallRye Config; nothing from the other Switchman packages.
 */
package dev.switchman.config;
