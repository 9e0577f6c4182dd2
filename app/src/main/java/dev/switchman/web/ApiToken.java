package dev.switchman.web;

import dev.switchman.config.SwitchmanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Guards the mutating endpoints with {@code Authorization: Bearer <switchman.api.token>}. Without a
 * configured token they are disabled. Compares SHA-256 digests in constant time, so neither the
 * token's content nor its length leaks through timing.
 */
@ApplicationScoped
public class ApiToken {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> expected;

    public ApiToken(SwitchmanConfig config) {
        this.expected = config.api().token().map(String::strip).filter(t -> !t.isEmpty()).map(ApiToken::digest);
    }

    /** Empty when the request may go on; otherwise the refusal to send (403 disabled, 401 missing or wrong). */
    public Optional<Response> refusal(String authorization) {
        if (expected.isEmpty()) {
            return Optional.of(ApiError.response(Response.Status.FORBIDDEN, "MutationsDisabled",
                    "mutating endpoints are disabled: set SWITCHMAN_API_TOKEN (switchman.api.token) to enable them"));
        }
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String presented = bearer ? authorization.substring(BEARER.length()).strip() : "";
        if (!MessageDigest.isEqual(expected.get(), digest(presented)) || presented.isEmpty()) {
            return Optional.of(Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, "Unauthorized",
                    "send Authorization: Bearer <token> with the token in SWITCHMAN_API_TOKEN"))
                    .header("WWW-Authenticate", "Bearer realm=\"switchman\"").build());
        }
        return Optional.empty();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
