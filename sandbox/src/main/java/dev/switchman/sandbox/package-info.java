/**
 * The Railway sandbox: a faithful, in-memory stand-in for Railway's public GraphQL API, served over
 * real HTTP for tests, demos ({@code switchman serve --sandbox}) and standalone use.
 *
 * <p>Pure Java plus graphql-java and Jackson's tree model; the HTTP server is the JDK's
 * {@code com.sun.net.httpserver}. Imports nothing from Quarkus, jakarta or JDBC, and nothing from
 * the rest of Switchman, so the client is tested against Railway's contract rather than our own: it is
 * a Maven module of its own ({@code sandbox/}, {@code switchman-sandbox}), which cannot see the
 * application's packages.
 * The schema served is {@code graphql/railway.graphqls}. Fixture format: docs/sandbox.md.
 */
package dev.switchman.sandbox;
