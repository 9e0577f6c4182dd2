package dev.switchman.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error the status API returns.
 *
 * @param reason the end of a sentence, e.g. {@code EnvironmentNotFound}
 */
public record ApiError(String reason, String message) {

    static Response response(Response.Status status, String reason, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(reason, message)).build();
    }
}
