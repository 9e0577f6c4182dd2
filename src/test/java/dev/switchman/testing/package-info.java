/**
 * Test infrastructure shared by every test: the PostgreSQL test resource (one throw-away server
 * for the whole run, registered globally) and helpers that write desired-state trees.
 */
package dev.switchman.testing;
