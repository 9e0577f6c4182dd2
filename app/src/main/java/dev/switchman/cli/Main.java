package dev.switchman.cli;

import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of the packaged application and the native executable. Parses the command
 * line first; only {@code serve} goes on to start Quarkus.
 */
@QuarkusMain
public final class Main {

    Main() {
    }

    public static void main(String... args) {
        System.exit(SwitchmanCommand.commandLine().execute(args));
    }
}
