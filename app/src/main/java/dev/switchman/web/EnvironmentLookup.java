package dev.switchman.web;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.source.DesiredStateHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Finds the declared environment an API path names: {@code project/env} (slash url-encoded or not)
 * or {@code env} when only one project declares it. Answers 404 or 409 (ambiguous) otherwise.
 */
@ApplicationScoped
public class EnvironmentLookup {

    private final DesiredStateHolder holder;

    public EnvironmentLookup(DesiredStateHolder holder) {
        this.holder = holder;
    }

    public DesiredEnvironment find(String reference) {
        DesiredState state = holder.current().orElseThrow(() -> failure(Response.Status.NOT_FOUND,
                "EnvironmentNotFound", "no valid desired state is loaded yet"));
        int slash = reference.indexOf('/');
        List<DesiredEnvironment> matches = state.environments().stream()
                .filter(e -> slash >= 0 ? e.qualifiedName().equals(reference) : e.name().equals(reference))
                .toList();
        if (matches.size() > 1) {
            throw failure(Response.Status.CONFLICT, "AmbiguousEnvironment", "several projects declare "
                    + reference + ": name it as one of " + matches.stream().map(DesiredEnvironment::qualifiedName)
                            .toList() + " (the slash url-encoded as %2F)");
        }
        return matches.stream().findFirst().orElseThrow(() -> failure(Response.Status.NOT_FOUND,
                "EnvironmentNotFound", "the desired state in force declares no environment " + reference));
    }

    private static WebApplicationException failure(Response.Status status, String reason, String message) {
        return new WebApplicationException(ApiError.response(status, reason, message));
    }
}
