package dev.switchman.desired;

import java.util.Optional;

/** Where secret values come from; the desired state only ever names them. */
@FunctionalInterface
public interface Secrets {

    Secrets NONE = name -> Optional.empty();

    /** The secret's value, or empty when it is not available to this process. */
    Optional<String> lookup(String name);
}
