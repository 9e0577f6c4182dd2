package dev.switchman.railway;

import java.util.Optional;

/**
 * The one auth header sent with every request, chosen like Railway's CLI does: a project token
 * ({@code RAILWAY_TOKEN}) wins and goes in {@code Project-Access-Token}; otherwise an account or
 * workspace token ({@code RAILWAY_API_TOKEN}) goes in {@code Authorization: Bearer}.
 */
public record RailwayAuth(Source source, String headerName, String headerValue) {

    /** Where the token came from, named the way a user sets it. */
    public enum Source {
        PROJECT_TOKEN("the project token in RAILWAY_TOKEN"),
        API_TOKEN("the account or workspace token in RAILWAY_API_TOKEN");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    static final String MISSING_TOKEN = "no Railway token is set: set RAILWAY_TOKEN to a project token"
            + " (reaches one environment) or RAILWAY_API_TOKEN to an account or workspace token";

    /** The header to send, or empty when neither token is set (blank counts as not set). */
    public static Optional<RailwayAuth> choose(Optional<String> projectToken, Optional<String> apiToken) {
        Optional<String> project = projectToken.map(String::strip).filter(token -> !token.isEmpty());
        if (project.isPresent()) {
            return Optional.of(new RailwayAuth(Source.PROJECT_TOKEN, "Project-Access-Token", project.get()));
        }
        return apiToken.map(String::strip).filter(token -> !token.isEmpty())
                .map(token -> new RailwayAuth(Source.API_TOKEN, "Authorization", "Bearer " + token));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RailwayAuth[" + source + " in " + headerName + "]";
    }
}
