/**
 * Where the desired state comes from: {@link dev.switchman.source.DesiredStateHolder} loads it from a directory
 * or a git branch and keeps the last valid state in force while the files change (its status and diagnostics
 * in {@link dev.switchman.source.DesiredStateStatus}). When it lives in git: {@link dev.switchman.source.GitSource}
 * fetches one branch with JGit (https with a token, or file transports; no SSH) into a working copy
 * and hard-resets it to the fetched commit, keeping the last good checkout when a fetch fails;
 * {@link dev.switchman.source.HubSignature} checks the webhook's {@code X-Hub-Signature-256}.
 *
 * <p>May import JGit, Micrometer, JBoss Logging, desired (the loader), the store (desired-state loads), config
 * and redaction (credentials in URLs and the token are hidden in every message); nothing from HTTP servers or
 * the reconcile loop (the loop calls in, never the other way round).
 */
package dev.switchman.source;
