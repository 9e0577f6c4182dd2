/**
 * What Railway reports about one environment, read in a single request: immutable records and
 * the parser that builds them from the environment query's JSON.
 *
 * <p>Pure: imports nothing from Quarkus, HTTP or JDBC (Jackson's tree model is the only library).
 */
package dev.switchman.observed;
