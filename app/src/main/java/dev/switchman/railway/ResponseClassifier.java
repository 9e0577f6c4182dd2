package dev.switchman.railway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads one HTTP response to a GraphQL call: returns its {@code data}, or throws the
 * {@link RailwayException} case it amounts to (reference §1: errors ride on HTTP 200, 400 only
 * for parse/validation, 429 for limits). Pure.
 */
final class ResponseClassifier {

    private static final Set<String> REQUEST_FAULTS =
            Set.of("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT");
    private static final String STALE_BASE = "STALE_ENVIRONMENT_BASE";

    private final ObjectMapper json;

    ResponseClassifier(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param target what the call was about ("environment 9f1c…"), for messages
     * @param auth which token was sent, for the Unauthorized message
     */
    JsonNode dataOrThrow(Operation operation, HttpReply reply, String target, RailwayAuth.Source auth, Instant now) {
        int status = reply.status();
        JsonNode body = parse(reply.body());
        ErrorSummary errors = ErrorSummary.of(body);
        if (status == 429) {
            throw new RailwayException.RateLimited(operation, "HTTP 429 rate limited",
                    RateLimitHeaders.of(reply, now).waitAfterRateLimit(now).orElse(null), errors.traceId());
        }
        if (status >= 500) {
            throw new RailwayException.Transient(operation, "HTTP " + status + describe(errors), true,
                    errors.traceId(), errors.code(), null);
        }
        if (status == 401 || status == 403 || errors.saysNotAuthorized()) {
            throw new RailwayException.Unauthorized(operation, unauthorizedMessage(operation, status, errors, target, auth),
                    errors.traceId(), errors.code());
        }
        if (status < 200 || status >= 300) {
            throw new RailwayException.Rejected(operation, "HTTP " + status + describe(errors),
                    errors.traceId(), errors.code());
        }
        if (body == null) {
            throw new RailwayException.Transient(operation, "HTTP " + status + " without a JSON body", true,
                    null, null, null);
        }
        JsonNode data = body.path("data");
        if (errors.isEmpty()) {
            if (!data.isObject()) {
                throw new RailwayException.Transient(operation, "response without data or errors", true,
                        null, null, null);
            }
            return data;
        }
        throw classifyGraphqlErrors(operation, errors, data.isNull() || data.isMissingNode(), target);
    }

    private static RailwayException classifyGraphqlErrors(Operation operation, ErrorSummary errors,
            boolean dataNull, String target) {
        if (errors.hasCode(STALE_BASE)) {
            return new RailwayException.Conflict(operation, "environment changed since it was read, re-read and"
                    + " re-plan" + describe(errors), errors.traceId(), STALE_BASE);
        }
        if ("INTERNAL_SERVER_ERROR".equals(errors.code())) {
            return new RailwayException.Transient(operation, "Railway internal error" + describe(errors), true,
                    errors.traceId(), errors.code(), null);
        }
        boolean requestFault = errors.code() != null && REQUEST_FAULTS.contains(errors.code());
        boolean missingId = operation.kind() == Operation.Kind.READ || errors.mentions("not found");
        if (dataNull && !requestFault && missingId) {
            return new RailwayException.NotFound(operation, target + " not found" + describe(errors),
                    errors.traceId(), errors.code());
        }
        return new RailwayException.Rejected(operation, "Railway refused the request" + describe(errors),
                errors.traceId(), errors.code());
    }

    private static String unauthorizedMessage(Operation operation, int status, ErrorSummary errors, String target,
            RailwayAuth.Source auth) {
        if (errors.mentions("project token not found")) {
            return "invalid or expired token: Railway does not know " + auth.description() + " (revoked, mistyped, or"
                    + " not a project token): create a project token in the project's settings under Tokens, or set"
                    + " RAILWAY_API_TOKEN instead" + describe(errors);
        }
        if (operation == Operation.PROJECTS) {
            // Any account or workspace token may list the projects it sees: a refusal is about the token itself.
            return "invalid or expired token: Railway refused " + auth.description() + " (HTTP " + status
                    + describe(errors) + "); create a new one in Railway's account settings under Tokens";
        }
        String reach = auth == RailwayAuth.Source.PROJECT_TOKEN
                ? "; a project token reaches only the one environment it was created for"
                : "; the account or workspace must have access to that project";
        return auth.description() + " cannot see " + target + " (HTTP " + status + describe(errors) + ")"
                + reach;
    }

    private static String describe(ErrorSummary errors) {
        if (errors.isEmpty()) {
            return "";
        }
        return ": " + errors.messages() + (errors.code() == null ? "" : " [" + errors.code() + "]")
                + (errors.traceId() == null ? "" : " traceId=" + errors.traceId());
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = body.isBlank() ? null : json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** The first error's code and trace id, and all messages joined. */
    private record ErrorSummary(JsonNode errors, String code, String traceId, String messages) {

        static ErrorSummary of(JsonNode body) {
            JsonNode errors = body == null ? null : body.path("errors");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                return new ErrorSummary(null, null, null, "");
            }
            JsonNode first = errors.get(0);
            String traceId = text(first.path("extensions").path("traceId"));
            if (traceId == null) {
                traceId = text(first.path("traceId"));
            }
            String messages = StreamSupport.stream(errors.spliterator(), false)
                    .map(error -> error.path("message").asText(""))
                    .collect(Collectors.joining("; "));
            return new ErrorSummary(errors, text(first.path("extensions").path("code")), traceId, messages);
        }

        boolean isEmpty() {
            return errors == null;
        }

        boolean hasCode(String wanted) {
            return !isEmpty() && StreamSupport.stream(errors.spliterator(), false)
                    .anyMatch(error -> wanted.equals(error.path("extensions").path("code").asText()));
        }

        boolean saysNotAuthorized() {
            return mentions("not authorized") || mentions("project token not found");
        }

        boolean mentions(String lowerCasePhrase) {
            return messages.toLowerCase(Locale.ROOT).contains(lowerCasePhrase);
        }

        private static String text(JsonNode node) {
            return node.isTextual() ? node.asText() : null;
        }
    }
}
