package dev.switchman.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The status API with its mutating endpoints enabled by a token. */
public final class ApiTokenProfile implements QuarkusTestProfile {

    static final String TOKEN = "s3cret-api-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchman.api.token", TOKEN);
    }
}
