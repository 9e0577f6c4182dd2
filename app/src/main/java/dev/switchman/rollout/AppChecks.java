package dev.switchman.rollout;

import dev.switchman.desired.VerificationSpec;
import java.util.List;

/** Runs one round of a service's checks against its base URL. */
@FunctionalInterface
public interface AppChecks {

    List<CheckResult> round(String baseUrl, VerificationSpec spec);
}
