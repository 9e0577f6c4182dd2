package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and subcommand, walked from the real command line: help and version everywhere, usage
 * mistakes exit 1 (never 2, which means "changes pending"), and the commands that print data offer
 * {@code -o}. The JSON each one prints is checked where the command runs (this class, StatusCommandTest,
 * MigrateCommandIT, BackupCommandIT).
 */
class CommandLineConventionsTest {

    /** Every command that prints data, and the formats it offers. */
    private static final Map<String, Set<String>> OUTPUTS = Map.of(
            "validate", Set.of("text", "json", "yaml", "github", "markdown"),
            "plan", Set.of("text", "json", "yaml", "github", "markdown"),
            "status", Set.of("text", "json", "yaml"),
            "version", Set.of("text", "json", "yaml"),
            "migrate status", Set.of("text", "json", "yaml"),
            "migrate plan", Set.of("text", "json", "yaml"),
            "backup now", Set.of("text", "json", "yaml"),
            "backup list", Set.of("text", "json", "yaml"),
            "backup verify", Set.of("text", "json", "yaml"));

    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(SwitchmanCommand.commandLine(), "", paths);
        return paths.stream();
    }

    private static void walk(CommandLine command, String path, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                String qualified = (path + " " + name).strip();
                paths.add(qualified);
                walk(sub, qualified, paths);
            }
        });
    }

    private static String[] args(String path, String... more) {
        return Stream.concat(Stream.of(path.split(" ")), Stream.of(more)).toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpExitsZeroAndListsTheExitCodes(String command) {
        for (String help : new String[] {"--help", "-h"}) {
            CommandRun run = CommandRun.of(args(command, help));

            assertThat(run.exitCode()).as(command + " " + help + ": " + run.err()).isZero();
            assertThat(run.out()).startsWith("Usage: switchman " + command).contains("Exit codes:").contains("  1   ");
        }
        CommandRun byHelpCommand = CommandRun.of(args("help", command.split(" ")[0]));
        assertThat(byHelpCommand.exitCode()).isZero();
        assertThat(byHelpCommand.out()).startsWith("Usage: switchman " + command.split(" ")[0]);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void versionIsOfferedEverywhere(String command) {
        CommandRun run = CommandRun.of(args(command, "--version"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("switchman " + SwitchmanCommand.version() + "\n");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aUsageMistakeExitsOneAndSaysWhereToReadMore(String command) {
        CommandRun run = CommandRun.of(args(command, "--no-such-option"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith("switchman " + command + ": ").contains("'switchman " + command + " --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theCommandsThatPrintDataOfferOutputFormats() {
        Map<String, Set<String>> offered = new TreeMap<>();
        commands().forEach(command -> {
            CommandLine line = SwitchmanCommand.commandLine();
            for (String name : command.split(" ")) {
                line = line.getSubcommands().get(name);
            }
            CommandLine.Model.OptionSpec output = line.getCommandSpec().findOption("-o");
            if (output != null) {
                Set<String> formats = new TreeSet<>();
                output.completionCandidates().forEach(formats::add);
                offered.put(command, formats);
            }
        });

        assertThat(offered).isEqualTo(new TreeMap<>(OUTPUTS));
    }

    @Test
    void aFormatACommandDoesNotOfferIsAUsageMistake() {
        CommandRun run = CommandRun.of("version", "-o", "markdown");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("'markdown' is not one of text, json, yaml");
    }

    @Test
    void aGroupWithoutItsSubcommandShowsItsCommandsAndExitsOne() {
        for (String group : new String[] {"migrate", "backup"}) {
            CommandRun run = CommandRun.of(group);

            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.err()).contains("Usage: switchman " + group).contains("Commands:");
        }
        CommandRun bare = CommandRun.of();
        assertThat(bare.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(bare.err()).contains("Commands:").contains("status").contains("completion");
    }

    @Test
    void helpNamesANestedCommand() {
        CommandRun run = CommandRun.of("migrate", "help", "plan");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: switchman migrate plan").contains("2   migrations would run");
    }

    @Test
    void aMisspeltCommandGetsADidYouMean() {
        CommandRun run = CommandRun.of("stauts");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("Did you mean: switchman status?");
    }

    @Test
    void completionScriptsCoverEveryCommandAndFormat() {
        for (String shell : new String[] {"bash", "zsh"}) {
            CommandRun run = CommandRun.of("completion", shell);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("complete -F _complete_switchman").contains("ZSH_VERSION")
                    .contains("local commands=\"validate plan apply status").contains("\"github\" \"markdown\"");
        }
        assertThat(CommandRun.of("completion", "fish").exitCode()).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void versionPrintsJsonAndYaml() throws Exception {
        var json = Documents.JSON.readTree(CommandRun.of("version", "-o", "json").out());
        String yaml = CommandRun.of("version", "-o", "yaml").out();

        assertThat(json.path("version").asText()).isEqualTo(SwitchmanCommand.version());
        assertThat(json.path("java").isTextual()).isTrue();
        assertThat(yaml).contains("version: " + SwitchmanCommand.version());
    }
}
