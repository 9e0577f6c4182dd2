package dev.switchman.source;

/** A fetch that did not produce a commit; the message is already redacted. */
final class GitFetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final GitFetchFailure.Reason reason;

    GitFetchException(GitFetchFailure.Reason reason, String redactedMessage) {
        super(redactedMessage, null, false, false);
        this.reason = reason;
    }

    GitFetchFailure.Reason reason() {
        return reason;
    }
}
