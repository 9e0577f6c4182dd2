package dev.switchman.cli;

/** Small pieces of GitHub-flavoured Markdown for pull-request comments. */
final class Markdown {

    private Markdown() {
    }

    /** Text safe inside a table cell: pipes escaped, line breaks as {@code <br>}. */
    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }

    /** Inline code that survives backticks in the text. */
    static String code(String text) {
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    /** A fenced block; the fence is longer than any run of backticks inside. */
    static String fenced(String language, String body) {
        String fence = "```";
        while (body.contains(fence)) {
            fence += "`";
        }
        return fence + language + "\n" + (body.endsWith("\n") ? body : body + "\n") + fence + "\n";
    }
}
