package dev.switchman.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Railway-style service domains ({@code <service>-<environment>.up.railway.app}), kept in the config's networking. */
final class AppDomains {

    private AppDomains() {
    }

    static String domainFor(String serviceName, String environmentName) {
        String slug = (serviceName + "-" + environmentName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return slug + ".up.railway.app";
    }

    static void assign(Map<String, Object> serviceConfig, String serviceName, String environmentName) {
        Map<String, Object> domains = JsonTree.path(serviceConfig, true, "networking", "serviceDomains");
        if (domains.isEmpty()) {
            domains.put(domainFor(serviceName, environmentName), new LinkedHashMap<>(Map.of("port", 8080)));
        }
    }

    static String firstDomain(Map<String, Object> serviceConfig) {
        Map<String, Object> domains = JsonTree.path(serviceConfig, false, "networking", "serviceDomains");
        return domains == null || domains.isEmpty() ? null : domains.keySet().iterator().next();
    }
}
