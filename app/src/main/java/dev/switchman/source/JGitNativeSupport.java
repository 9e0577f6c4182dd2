package dev.switchman.source;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.jgit.lib.CoreConfig;

/**
 * What JGit reaches by reflection and the quarkus-jgit extension does not register: the extension
 * (built against an older JGit) registers JGit's message bundle and its configuration enums, but not
 * these two, which {@link CoreConfig} still looks up by their constants.
 */
@SuppressWarnings("removal")
@RegisterForReflection(targets = {
    CoreConfig.TrustLooseRefStat.class,
    CoreConfig.TrustPackedRefsStat.class,
})
final class JGitNativeSupport {

    private JGitNativeSupport() {
    }
}
