package dev.switchman.cli;

/** Exit codes shared by every command, as Terraform uses them; each command's help lists its own. */
final class ExitCode {

    /** Success; for {@code plan --detailed-exitcode}: no changes. */
    static final int OK = 0;
    /** An error (invalid desired state, unreadable file, blocked plan, failed rollout) or a mistake on the command line. */
    static final int ERROR = 1;
    /** Only {@code plan --detailed-exitcode} (the plan has changes) and {@code migrate plan} (migrations would run). */
    static final int CHANGES = 2;

    private ExitCode() {
    }
}
