package dev.switchman.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables as Railway keeps them in the environment config ({@code services.<id>.variables} and
 * {@code sharedVariables}, each entry {@code {value, isSealed}}), and their rendering of references
 * {@code ${{shared.X}}}, {@code ${{Service.X}}} and {@code ${{X}}}.
 */
final class VariableStore {

    static final String MASK = "*******";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

    private VariableStore() {
    }

    /** Unrendered values, sealed ones included (deployments need them); serviceId null = shared. */
    static Map<String, String> raw(EnvironmentEntity env, String serviceId, boolean includeSealed) {
        Map<String, Object> vars = serviceId == null
                ? JsonTree.path(env.config, false, "sharedVariables")
                : JsonTree.path(env.config, false, "services", serviceId, "variables");
        Map<String, String> out = new LinkedHashMap<>();
        if (vars != null) {
            vars.forEach((name, entry) -> {
                if (entry instanceof Map<?, ?> m && m.get("value") != null
                        && (includeSealed || !Boolean.TRUE.equals(m.get("isSealed")))) {
                    out.put(name, String.valueOf(m.get("value")));
                }
            });
        }
        return out;
    }

    static Map<String, String> rendered(EnvironmentEntity env, SandboxState state, String serviceId, boolean includeSealed) {
        Map<String, String> out = new LinkedHashMap<>();
        raw(env, serviceId, includeSealed).forEach((k, v) -> out.put(k, render(v, env, state, serviceId, 0)));
        return out;
    }

    private static String render(String value, EnvironmentEntity env, SandboxState state, String serviceId, int depth) {
        if (depth > 5) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            int dot = ref.indexOf('.');
            String owner = dot < 0 ? serviceId : ownerId(ref.substring(0, dot), env, state);
            String name = dot < 0 ? ref : ref.substring(dot + 1);
            String resolved = owner == null && dot >= 0 && !"shared".equals(ref.substring(0, dot))
                    ? null : raw(env, owner, true).get(name);
            String text = resolved == null ? "" : render(resolved, env, state, owner, depth + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "shared" -> null (shared variables), a service name -> its id, unknown -> null. */
    private static String ownerId(String owner, EnvironmentEntity env, SandboxState state) {
        if ("shared".equals(owner)) {
            return null;
        }
        for (String serviceId : env.services().keySet()) {
            ServiceEntity s = state.services.get(serviceId);
            if (s != null && s.name.equals(owner)) {
                return serviceId;
            }
        }
        return null;
    }

    /** Whether a service's variables refer to a variable owned by {@code owner} ("shared" or a service name). */
    static boolean refersTo(EnvironmentEntity env, String serviceId, String owner) {
        for (String value : raw(env, serviceId, true).values()) {
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                if (m.group(1).startsWith(owner + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of the config for output: values masked unless decrypted, sealed values never shown. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> forOutput(Map<String, Object> config, boolean decrypt) {
        Map<String, Object> out = JsonTree.copyMap(config);
        mask(JsonTree.path(out, false, "sharedVariables"), decrypt);
        Map<String, Object> services = JsonTree.path(out, false, "services");
        if (services != null) {
            services.values().forEach(s -> {
                if (s instanceof Map<?, ?> svc) {
                    mask(JsonTree.path((Map<String, Object>) svc, false, "variables"), decrypt);
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void mask(Map<String, Object> vars, boolean decrypt) {
        if (vars == null) {
            return;
        }
        vars.values().forEach(entry -> {
            if (entry instanceof Map<?, ?> m && m.containsKey("value")) {
                Map<String, Object> e = (Map<String, Object>) m;
                if (Boolean.TRUE.equals(e.get("isSealed"))) {
                    e.remove("value");
                } else if (!decrypt) {
                    e.put("value", MASK);
                }
            }
        });
    }
}
