package dev.switchman.sandbox;

import java.util.Map;

/** An error Railway reports inside a 200 response: message plus {@code extensions} (code etc.). */
public final class SandboxException extends RuntimeException {

    private final Map<String, Object> extensions;

    public SandboxException(String message, Map<String, Object> extensions) {
        super(message);
        this.extensions = Map.copyOf(extensions);
    }

    static SandboxException notAuthorized() {
        return new SandboxException("Not Authorized", Map.of());
    }

    static SandboxException notFound(String what) {
        return new SandboxException(what + " not found", Map.of("code", "BAD_USER_INPUT"));
    }

    static SandboxException badInput(String message) {
        return new SandboxException(message, Map.of("code", "BAD_USER_INPUT"));
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
