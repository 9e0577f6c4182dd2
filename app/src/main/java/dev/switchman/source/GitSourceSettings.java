package dev.switchman.source;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.redaction.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What the git source needs to know, checked once at start.
 *
 * @param url the repository (https, http, file URL or local path)
 * @param branch the branch followed
 * @param path the desired-state directory inside the repository
 * @param pollInterval how often the branch is fetched
 * @param token the https token, empty for anonymous access
 * @param username the basic-auth user name sent with the token
 * @param cacheDir where the working copy lives, empty for a temporary directory
 */
public record GitSourceSettings(String url, String branch, String path, Duration pollInterval,
        Optional<String> token, String username, Optional<Path> cacheDir) {

    public GitSourceSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("switchman.source.git.url is empty");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ssh://") || lower.startsWith("git@") || lower.startsWith("git://")) {
            throw new IllegalArgumentException("switchman.source.git.url " + Redactor.urlCredentials().redact(url)
                    + " uses a transport Switchman does not support; use https with SWITCHMAN_GIT_TOKEN");
        }
        if (branch.isBlank() || branch.startsWith("refs/")) {
            throw new IllegalArgumentException("switchman.source.git.branch must be a plain branch name, not '"
                    + branch + "'");
        }
        Path inside = Path.of(path).normalize();
        if (inside.isAbsolute() || inside.startsWith("..")) {
            throw new IllegalArgumentException("switchman.source.git.path must lie inside the repository, not '"
                    + path + "'");
        }
        token = token.filter(t -> !t.isBlank());
    }

    /** The settings of a git source, or empty in directory mode (no URL configured). */
    public static Optional<GitSourceSettings> from(SwitchmanConfig config) {
        SwitchmanConfig.Source.Git git = config.source().git();
        return git.url().filter(u -> !u.isBlank()).map(url -> new GitSourceSettings(url, git.branch(), git.path(),
                git.pollInterval(), git.token(), git.username(), git.cacheDir()));
    }

    /** The URL as it may be shown: credentials written into it are replaced. */
    public String redactedUrl() {
        return Redactor.urlCredentials().redact(url);
    }

    /** The full name of the branch on the remote. */
    String remoteRef() {
        return "refs/heads/" + branch;
    }

    @Override
    public String toString() {
        return "GitSourceSettings[url=" + redactedUrl() + ", branch=" + branch + ", path=" + path
                + ", pollInterval=" + pollInterval + ", token=" + (token.isPresent() ? "***" : "none")
                + ", username=" + username + ", cacheDir=" + cacheDir.map(Path::toString).orElse("temporary") + "]";
    }
}
