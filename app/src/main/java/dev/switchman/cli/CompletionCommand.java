package dev.switchman.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code switchman completion bash|zsh}: prints a completion script for every command, option and
 * format. It is one script: under zsh it loads {@code bashcompinit} itself and runs as in bash.
 */
@Command(name = "completion", description = "Print a shell completion script: source <(switchman completion bash).",
        footerHeading = "%nInstall:%n",
        footer = {"  bash: echo 'source <(switchman completion bash)' >> ~/.bashrc",
                "  zsh:  echo 'source <(switchman completion zsh)' >> ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script can be printed for. */
    enum Shell { bash, zsh }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("switchman", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
