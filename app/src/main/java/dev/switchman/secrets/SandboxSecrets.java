package dev.switchman.secrets;

import dev.switchman.desired.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets for a run against the Railway sandbox only: a secret that is not set gets a stand-in
 * value derived from its name, so the examples reconcile on a fresh machine. Never used against
 * Railway, where a missing secret must stop the rollout.
 */
public final class SandboxSecrets implements Secrets {

    private static final System.Logger LOG = System.getLogger(SandboxSecrets.class.getName());

    private final Secrets delegate;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public SandboxSecrets(Secrets delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<String> lookup(String name) {
        Optional<String> real = delegate.lookup(name);
        if (real.isPresent()) {
            return real;
        }
        if (announced.add(name)) {
            LOG.log(System.Logger.Level.WARNING, "secret {0} is not set: the sandbox gets a generated stand-in value", name);
        }
        return Optional.of("sandbox-" + name.toLowerCase(Locale.ROOT) + "-" + digest(name));
    }

    private static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("switchman-sandbox:" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
