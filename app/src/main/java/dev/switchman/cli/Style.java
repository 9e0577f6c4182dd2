package dev.switchman.cli;

/** ANSI colour for text a person reads at a terminal; plain text otherwise (see {@link CliSettings#colour()}). */
record Style(boolean enabled) {

    static final Style PLAIN = new Style(false);

    static Style of(CliSettings settings) {
        return new Style(settings.colour());
    }

    String green(String text) {
        return paint("32", text);
    }

    String red(String text) {
        return paint("31", text);
    }

    String yellow(String text) {
        return paint("33", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    private String paint(String code, String text) {
        return enabled && text != null && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
