package dev.switchman.web;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The status API with its mutating endpoints enabled by a token. */
public final class ApiTokenProfile implements QuarkusTestProfile {

    static final String TOKEN = "s3cret-api-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchman.api.token", TOKEN);
    }
}
