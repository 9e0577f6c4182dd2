package dev.switchman.cli;

/** Exit codes shared by every command, as Terraform uses them. */
final class ExitCode {

    /** Success; for {@code plan --detailed-exitcode}: no changes. */
    static final int OK = 0;
    /** An error: bad input, invalid desired state, unreadable file, a plan that cannot be applied. */
    static final int ERROR = 1;
    /** {@code plan --detailed-exitcode} only: the plan has changes. */
    static final int CHANGES = 2;

    private ExitCode() {
    }
}
