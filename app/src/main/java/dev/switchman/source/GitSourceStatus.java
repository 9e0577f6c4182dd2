package dev.switchman.source;

import java.time.Instant;
import java.util.Optional;

/**
 * What the git source knows, as one consistent value; safe to show (no credentials).
 *
 * @param url the repository, credentials redacted
 * @param branch the branch followed
 * @param path the desired-state directory inside the repository
 * @param commit the full sha of the checkout in force, null while none was ever fetched
 * @param fetchedAt when the latest successful fetch completed, null before the first
 * @param lastFailure why the latest fetch failed, null when it succeeded
 * @param consecutiveFailures fetches failed since the last success
 */
public record GitSourceStatus(String url, String branch, String path, String commit, Instant fetchedAt,
        GitFetchFailure lastFailure, int consecutiveFailures) {

    public Optional<String> checkedOutCommit() {
        return Optional.ofNullable(commit);
    }

    public Optional<GitFetchFailure> failure() {
        return Optional.ofNullable(lastFailure);
    }

    GitSourceStatus succeeded(String newCommit, Instant at) {
        return new GitSourceStatus(url, branch, path, newCommit, at, null, 0);
    }

    GitSourceStatus failed(GitFetchFailure failure) {
        return new GitSourceStatus(url, branch, path, commit, fetchedAt, failure, consecutiveFailures + 1);
    }
}
