package dev.switchman.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The settings table of docs/desired-state.md is the catalog's: generated between two markers, and checked here.
 * Run with {@code -Dswitchman.rewriteDocs=true} to rewrite it, then review the diff.
 */
class SettingDocsTest {

    static final Path DOC = RepositoryRoot.resolve("docs/desired-state.md");
    static final String BEGIN = "<!-- settings table: generated from dev.switchman.settings.Setting by SettingDocsTest"
            + " (-Dswitchman.rewriteDocs=true) -->\n";
    static final String END = "<!-- end of settings table -->\n";

    @Test
    void theDocsTableIsTheCatalogs() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("the markers of the settings table in " + DOC).isNotNegative().isLessThan(end);
        String generated = doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end);
        if (Boolean.getBoolean("switchman.rewriteDocs")) {
            Files.writeString(DOC, generated);
        }
        assertThat(doc).as(DOC + " is out of date; rewrite it with ./mvnw -o test -Dtest=SettingDocsTest"
                + " -Dswitchman.rewriteDocs=true and review the diff").isEqualTo(generated);
    }

    static String table() {
        StringBuilder out = new StringBuilder("| Field | Type | What it does | Railway's default | Railway takes it as"
                + " | A change |\n|---|---|---|---|---|---|\n");
        for (Setting s : Setting.values()) {
            out.append("| `").append(s.path()).append("` | ").append(type(s.type())).append(" | ")
                    .append(s.doc() == null ? "–" : s.doc())
                    .append(examples(s)).append(" | ")
                    .append(s.railwayDefault() == null ? "–" : "`" + s.railwayDefault() + "`").append(" | ")
                    .append(written(s)).append(" | ").append(s.redeploys() ? "redeploys" : "applies in place")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String type(ValueType type) {
        return switch (type) {
            case ValueType.Text t -> "string";
            case ValueType.Matching m -> "string: " + m.hint();
            case ValueType.Choice c -> values(c.values());
            case ValueType.UrlPath p -> "path starting with `/`";
            case ValueType.Cron c -> "five-field cron";
            case ValueType.Whole w -> "integer " + w.unit() + ", " + w.min() + "–" + w.max();
            case ValueType.Decimal d -> "number of " + d.unit() + ", > 0, at most " + (long) d.max();
            case ValueType.Flag f -> "boolean";
            case ValueType.Words w -> "list of strings (" + w.item() + " each)";
            case ValueType.Commands c -> "string or list of strings";
            case ValueType.Choices c -> "list of " + values(c.values());
            case ValueType.RegionReplicas r -> "`{ <region>: { numReplicas } }`, " + r.min() + "–" + r.max() + " each";
        };
    }

    private static String written(Setting s) {
        String patch = s.configPointer() == null ? null : "config `" + s.configPointer() + "`";
        return switch (s.write()) {
            case Write.InstanceUpdate update -> (update.inPatch() ? patch + " or " : "")
                    + "`serviceInstanceUpdate` `" + update.field() + "`"
                    + (update.patchOnly().isEmpty() ? "" : " (" + values(new TreeSet<>(update.patchOnly()))
                    + " by config only)");
            case Write.ConfigPatchOnly only -> patch + " only";
            case Write.Limit limit -> patch + (limit.configScale() == 1 ? "" : " (× " + (long) limit.configScale()
                    + ")") + " or `serviceInstanceLimitsUpdate` `" + limit.field() + "` (which cannot reset it)";
            case Write.Volume volume -> "`" + volume.operation() + "`";
        };
    }

    private static String examples(Setting s) {
        return s.examples().isEmpty() ? "" : "; e.g. " + s.examples().stream()
                .map(e -> "`" + yaml(s.asYaml(e)) + "`").collect(Collectors.joining(" or "));
    }

    private static String values(Collection<String> values) {
        return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(" "));
    }

    /** YAML flow style, quoting only what plain YAML would misread. */
    private static String yaml(Object value) {
        return switch (value) {
            case Map<?, ?> map -> map.entrySet().stream().map(e -> e.getKey() + ": " + yaml(e.getValue()))
                    .collect(Collectors.joining(", ", "{ ", " }"));
            case Collection<?> list -> list.stream().map(SettingDocsTest::yaml).collect(Collectors.joining(", ", "[",
                    "]"));
            case String text when !text.matches("[A-Za-z0-9_./-][A-Za-z0-9_./:-]*") -> '"' + text + '"';
            default -> String.valueOf(value);
        };
    }
}
