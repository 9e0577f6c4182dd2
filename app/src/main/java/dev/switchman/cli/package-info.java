/**
 * The {@code switchman} command line (picocli): {@code validate}, {@code plan}, {@code apply},
 * {@code status}, {@code rollback}, {@code retry}, {@code serve}, {@code sandbox}, {@code migrate status|plan},
 * {@code backup now|list|verify|restore}, {@code version}, {@code completion} and {@code help}.
 *
 * <p>Every command inherits {@code --help}, {@code --version} and the exit codes from {@link
 * dev.switchman.cli.SwitchmanCommand} (0 done, 1 error or usage mistake, 2 only for changes pending),
 * reads its settings through {@link dev.switchman.cli.CliSettings} ({@code SWITCHMAN_DESIRED_DIR},
 * {@code SWITCHMAN_SECRETS_DIR}, {@code DATABASE_URL}, {@code NO_COLOR}) and, when it prints data, offers
 * {@code -o text|json|yaml} ({@code validate} and {@code plan} also {@code github} and {@code markdown}).
 * Commands that only read files or Railway ({@code validate}, {@code plan}, {@code migrate}, {@code backup})
 * run without starting Quarkus; {@code apply}, {@code rollback} and {@code retry} boot it without an HTTP
 * listener or schedules ({@link dev.switchman.cli.QuarkusOnce}); {@code serve} starts the daemon;
 * {@code status} reads a running daemon's status API ({@link dev.switchman.cli.DaemonClient}).
 *
 * <p>May import every other Switchman package; nothing imports this one.
 */
package dev.switchman.cli;
