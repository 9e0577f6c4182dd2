/**
 * The adapter to Railway's public GraphQL API: the {@link dev.switchman.railway.RailwayApi} port,
 * its records, and {@link dev.switchman.railway.RailwayClient}, the one bean that owns auth,
 * retries, error classification, the request budget and metrics, over a
 * {@link dev.switchman.railway.GraphqlTransport} (the Quarkus REST client in production).
 *
 * <p>Every operation sent is a document in {@code src/main/resources/graphql}, one per file,
 * named after its {@link dev.switchman.railway.Operation}; the environment query's setting fields are generated
 * from the setting catalog. JSON scalars (environment config,
 * deployment meta) stay Jackson trees; the reconciler interprets them.
 *
 * <p>May import Quarkus, MicroProfile, Jakarta REST, Jackson and Micrometer; of Switchman only the JDK-only
 * setting catalog ({@code dev.switchman.settings}), so {@code apply}, {@code rollout} and {@code reconcile} can
 * depend on it.
 */
package dev.switchman.railway;
