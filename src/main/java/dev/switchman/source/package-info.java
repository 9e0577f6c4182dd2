/**
 * Where the desired state comes from when it lives in git: {@link dev.switchman.source.GitSource}
 * fetches one branch with JGit (https with a token, or file transports; no SSH) into a working copy
 * and hard-resets it to the fetched commit, keeping the last good checkout when a fetch fails;
 * {@link dev.switchman.source.HubSignature} checks the webhook's {@code X-Hub-Signature-256}.
 *
 * <p>May import JGit, Micrometer, JBoss Logging, the config package and redaction (credentials in URLs and
 * the token are hidden in every message); nothing from HTTP servers,
 * JDBC or the reconcile loop (the loop calls in, never the other way round).
 */
package dev.switchman.source;
