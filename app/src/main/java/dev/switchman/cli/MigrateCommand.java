package dev.switchman.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchman migrate status|plan}: one database's migration history and what would run next. */
@Command(name = "migrate", description = "Show a database's migration history (status) or what would run (plan).",
        subcommands = {MigrateStatusCommand.class, MigratePlanCommand.class, CommandLine.HelpCommand.class})
final class MigrateCommand {
}
