package dev.switchman.source;

import java.time.Instant;
import java.util.Locale;

/**
 * Why the latest fetch failed; the checkout in force did not move.
 *
 * @param reason the kind of failure
 * @param message what went wrong, credentials redacted
 * @param at when the fetch failed
 */
public record GitFetchFailure(Reason reason, String message, Instant at) {

    public enum Reason {
        /** Network, DNS, TLS, or no repository at the URL. */
        UNREACHABLE,
        /** The server refused the credentials (or asked for some and none were configured). */
        UNAUTHORIZED,
        /** The repository has no such branch. */
        BRANCH_MISSING,
        /** Anything else: a corrupt working copy, a full disk. */
        FAILED;

        /** The {@code result} tag of {@code switchman_git_fetch_total}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line for logs and status: {@code branch_missing: Remote does not have ...}. */
    public String render() {
        return reason.tag() + ": " + message;
    }
}
