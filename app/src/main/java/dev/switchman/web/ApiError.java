package dev.switchman.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error the status API returns. Registered for reflection by hand, like
 * {@link ActionResult}: it travels inside a {@code Response}.
 *
 * @param reason the end of a sentence, e.g. {@code EnvironmentNotFound}
 */
@RegisterForReflection
public record ApiError(String reason, String message) {

    static Response response(Response.Status status, String reason, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(reason, message)).build();
    }
}
