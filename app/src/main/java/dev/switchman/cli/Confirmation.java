package dev.switchman.cli;

import java.io.PrintWriter;

/** Asks a person on the terminal before a command changes something; without a terminal it refuses. */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * @param refusal printed (after "switchman: ") when there is no terminal to ask on
     * @return true only when the person typed {@code yes}
     */
    static boolean ask(String question, PrintWriter err, String refusal) {
        if (!CliSettings.interactiveTerminal()) {
            err.println("switchman: " + refusal);
            err.flush();
            return false;
        }
        String answer = System.console().readLine("%s Only 'yes' is accepted: ", question);
        return "yes".equals(answer == null ? null : answer.trim());
    }
}
