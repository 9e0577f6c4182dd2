/**
 * What Railway reports about one environment, read in a single request: immutable records and
 * the parser that builds them from the environment query's JSON.
 *
 * <p>Settings are read entry by entry of the setting catalog ({@code dev.switchman.settings}).
 *
 * <p>Pure: imports {@code dev.switchman.settings}, the JDK and Jackson's tree model (the only library);
 * nothing from Quarkus, HTTP or JDBC.
 */
package dev.switchman.observed;
