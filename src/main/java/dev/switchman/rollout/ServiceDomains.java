package dev.switchman.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** A service's public Railway domain, from the environment config ({@code networking.serviceDomains}). */
final class ServiceDomains {

    private ServiceDomains() {
    }

    /** @param environment the answer to the environment-state read ({@code data.environment} or inside it) */
    static String of(JsonNode environment, String serviceId) {
        JsonNode env = environment.has("data") ? environment.path("data").path("environment") : environment;
        JsonNode domains = env.path("config").path("services").path(serviceId == null ? "" : serviceId)
                .path("networking").path("serviceDomains");
        Iterator<String> names = domains.fieldNames();
        return names.hasNext() ? names.next() : null;
    }
}
