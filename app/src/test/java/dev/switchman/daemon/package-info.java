/**
 * Tests of the whole daemon (the Quarkus application with its loop, state store and web routes) against the
 * Railway sandbox: the worked examples converge, drift heals, and the operations kit names only served metrics.
 */
package dev.switchman.daemon;
