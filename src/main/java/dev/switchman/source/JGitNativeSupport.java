package dev.switchman.source;

import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.transport.HttpConfig;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What JGit reaches by reflection, registered for the native image: its message bundle fills
 * {@link JGitText}'s fields by name, and configuration enums are looked up by their constants. The
 * resource bundle and the classes that must start at run time are named in
 * {@code META-INF/native-image/dev.switchman/switchman/native-image.properties}.
 */
@RegisterForReflection(targets = {
    JGitText.class,
    CoreConfig.AutoCRLF.class,
    CoreConfig.CheckStat.class,
    CoreConfig.EOL.class,
    CoreConfig.EolStreamType.class,
    CoreConfig.HideDotFiles.class,
    CoreConfig.LogRefUpdates.class,
    CoreConfig.SymLinks.class,
    CoreConfig.TrustLooseRefStat.class,
    CoreConfig.TrustPackedRefsStat.class,
    CoreConfig.TrustStat.class,
    HttpConfig.HttpRedirectMode.class,
})
final class JGitNativeSupport {

    private JGitNativeSupport() {
    }
}
