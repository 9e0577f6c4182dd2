package dev.switchman.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.config.SwitchmanConfig;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.source.HubSignature;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/webhooks/git}: a push webhook (GitHub's format, {@code X-Hub-Signature-256})
 * that makes Switchman fetch the desired-state branch now instead of at the next poll. It only says
 * "look now"; what is loaded is whatever the fetch finds, so a forged or replayed delivery can cost a
 * fetch at most. Answers 202 before the fetch starts.
 *
 * <p>Disabled (404, as if absent) unless both a git source and {@code SWITCHMAN_WEBHOOK_SECRET} are
 * configured: without a secret nothing can be verified, and 404 rather than 403 because no credential
 * would make the request succeed.
 */
@Path("/api/v1/webhooks/git")
public class GitWebhookResource {

    /** The answer's body. */
    @RegisterForReflection
    public record Reply(String message) {
    }

    private final DesiredStateHolder holder;
    private final ObjectMapper json;
    private final Optional<String> secret;
    private final Optional<String> branch;

    public GitWebhookResource(DesiredStateHolder holder, ObjectMapper json, SwitchmanConfig config) {
        this.holder = holder;
        this.json = json;
        this.secret = config.source().webhook().secret().filter(s -> !s.isEmpty());
        this.branch = config.source().git().url().filter(u -> !u.isBlank()).map(u -> config.source().git().branch());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "webhooks", description = "Signals that make Switchman look now")
    @Operation(summary = "Git push webhook", description = "GitHub's format, signed with SWITCHMAN_WEBHOOK_SECRET"
            + " (X-Hub-Signature-256): fetch the desired-state branch now instead of at the next poll")
    @APIResponse(responseCode = "202", description = "a fetch is started (or pong for a ping)",
            content = @Content(schema = @Schema(implementation = Reply.class)))
    @APIResponse(responseCode = "401", description = "missing or wrong signature",
            content = @Content(schema = @Schema(implementation = Reply.class)))
    @APIResponse(responseCode = "404", description = "disabled: needs SWITCHMAN_GIT_URL and SWITCHMAN_WEBHOOK_SECRET",
            content = @Content(schema = @Schema(implementation = Reply.class)))
    public Response receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("X-GitHub-Event") String event) {
        if (secret.isEmpty() || branch.isEmpty()) {
            return reply(Response.Status.NOT_FOUND, "the git webhook is disabled: it needs SWITCHMAN_GIT_URL and "
                    + "SWITCHMAN_WEBHOOK_SECRET");
        }
        if (!HubSignature.verify(secret.get(), body == null ? new byte[0] : body, signature)) {
            return reply(Response.Status.UNAUTHORIZED, signature == null
                    ? "missing X-Hub-Signature-256" : "X-Hub-Signature-256 does not match the body");
        }
        if ("ping".equals(event)) {
            return reply(Response.Status.ACCEPTED, "pong: deliveries for branch " + branch.get() + " will be fetched");
        }
        if (event != null && !"push".equals(event)) {
            return reply(Response.Status.ACCEPTED, "ignored: event " + event + " (only push and ping are used)");
        }
        String watched = "refs/heads/" + branch.get();
        Optional<String> pushed = pushedRef(body);
        if (pushed.isPresent() && !pushed.get().equals(watched)) {
            return reply(Response.Status.ACCEPTED, "ignored: push to " + pushed.get() + ", following " + watched);
        }
        holder.refreshSoon();
        return reply(Response.Status.ACCEPTED, "fetching " + watched);
    }

    /** The {@code ref} of a push, from a JSON or a form-encoded ({@code payload=...}) delivery. */
    private Optional<String> pushedRef(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("payload=")) {
            text = URLDecoder.decode(text.substring("payload=".length()), StandardCharsets.UTF_8);
        }
        try {
            JsonNode ref = json.readTree(text).path("ref");
            return ref.isTextual() ? Optional.of(ref.asText()) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            // a signed body we cannot read still means "something changed": fetch, the fetch decides
            return Optional.empty();
        }
    }

    private static Response reply(Response.Status status, String message) {
        return Response.status(status).entity(new Reply(message)).type(MediaType.APPLICATION_JSON).build();
    }
}
