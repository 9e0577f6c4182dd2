package dev.switchman;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.switchman.cli.SwitchmanCommand;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Timer;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Quarkus initialises every class at build time in a native image, so a static field's value is
 * frozen into the image: a Random with its seed, a started thread or executor, the build machine's
 * temp directory or clock. Our classes, the sandbox module's as much as the application's, keep none of
 * those in static fields unless a module's {@code native-image.properties} starts the class at run time.
 * The native check in {@code .ci/run} proves it against the real builder; this is the same rule in a
 * second, where it is cheap.
 */
class BuildTimeInitialisationTest {

    /** Where a module keeps its own, in {@code <group>/<artifact>/}; the builder reads those of every jar. */
    private static final String NATIVE_IMAGE_CONFIG = "src/main/resources/META-INF/native-image";

    /** Objects the builder refuses in the image heap, or that are only right when made at run time. */
    private static final List<Class<?>> RUN_TIME_ONLY = List.of(Random.class, SplittableRandom.class, Thread.class,
            Executor.class, Timer.class);

    /**
     * A static field whose initialiser (up to its semicolon, over several lines too) reads the machine
     * it runs on: at build time that is the builder's.
     */
    private static final Pattern MACHINE_STATE_IN_STATIC = Pattern.compile(
            "\\bstatic\\b[^(=;{}]*=[^;]*?\\b(System\\.getenv|System\\.getProperty|System\\.currentTimeMillis"
                    + "|(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime)\\.now"
                    + "|Files\\.createTemp\\w*|ProcessHandle\\.current)\\s*\\(");

    @Test
    void noBuildTimeInitialisedClassHoldsARandomThreadOrExecutorInAStaticField() throws IOException {
        List<String> runTime = runTimeInitialised();
        List<String> classes = mainClasses();
        assertThat(classes).as("the application's and the sandbox's classes")
                .contains(SwitchmanCommand.class.getName(), RailwaySandbox.class.getName());
        List<String> offending = classes.stream()
                .filter(name -> !isRunTimeInitialised(name, runTime))
                .flatMap(name -> runTimeOnlyStaticFields(load(name)))
                .toList();
        assertThat(offending)
                .as("static fields frozen into the native image; create the object where it is used, in a bean, "
                        + "or in a lazy holder listed under --initialize-at-run-time in its module's "
                        + NATIVE_IMAGE_CONFIG + "/dev.switchman/<artifact>/native-image.properties")
                .isEmpty();
    }

    @Test
    void noStaticFieldReadsTheMachineItIsInitialisedOn() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path module : RepositoryRoot.modules()) {
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .flatMap(BuildTimeInitialisationTest::machineStateInStatics).forEach(offending::add);
            }
        }
        assertThat(offending).as("read it when it is used: a native image keeps the build machine's value").isEmpty();
    }

    @Test
    void everyClassListedForRunTimeInitialisationExists() throws IOException {
        List<String> runTime = runTimeInitialised();
        assertThat(runTime).isNotEmpty();
        // a library that renames a class would leave a stale entry and bring its problem back
        assertThat(runTime).allSatisfy(name -> assertThat(load(name)).isNotNull());
    }

    @Test
    void theChecksRecogniseWhatTheyLookFor() {
        assertThat(runTimeOnlyStaticFields(HoldsASecureRandom.class)).hasSize(1);
        assertThat(runTimeOnlyStaticFields(HoldsAnExecutor.class)).hasSize(1);
        assertThat(runTimeOnlyStaticFields(HoldsOnlyConstants.class)).isEmpty();
        assertThat(isRunTimeInitialised("graphql.util.IdGenerator", List.of("graphql.util.IdGenerator"))).isTrue();
        assertThat(isRunTimeInitialised("graphql.util.IdGenerator$Inner", List.of("graphql.util.IdGenerator")))
                .isFalse();
        assertThat(readsMachineState(
                "    private static final Path TMP = Path.of(System.getProperty(\"java.io.tmpdir\"));")).isTrue();
        assertThat(readsMachineState("static final Instant STARTED = Instant.now();")).isTrue();
        assertThat(readsMachineState("static final String HOME =\n        System.getenv(\"HOME\");")).isTrue();
        assertThat(readsMachineState("    static Path root() { return Path.of(System.getProperty(\"x\")); }"))
                .isFalse();
        assertThat(readsMachineState("        Instant now = Instant.now();")).isFalse();
    }

    static final class HoldsASecureRandom {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    static final class HoldsAnExecutor {
        static final ScheduledExecutorService EXECUTOR =
                Executors.newSingleThreadScheduledExecutor();
    }

    static final class HoldsOnlyConstants {
        static final String NAME = "constant";
        static final Duration TIMEOUT = Duration.ofSeconds(5);
    }

    private static Stream<String> runTimeOnlyStaticFields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .filter(f -> RUN_TIME_ONLY.stream().anyMatch(r -> r.isAssignableFrom(f.getType())))
                .map(BuildTimeInitialisationTest::describe);
    }

    private static String describe(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName() + " (" + field.getType().getName() + ")";
    }

    /** Exact class names, or packages (every class below them), as GraalVM reads the option. */
    static boolean isRunTimeInitialised(String className, List<String> runTime) {
        return runTime.stream().anyMatch(entry -> className.equals(entry) || className.startsWith(entry + "."));
    }

    /** Every module's list: one image holds them all. */
    private static List<String> runTimeInitialised() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path module : RepositoryRoot.modules()) {
            Path config = module.resolve(NATIVE_IMAGE_CONFIG);
            if (!Files.isDirectory(config)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> found = Files.walk(config)) {
                files = found.filter(p -> p.getFileName().toString().equals("native-image.properties")).toList();
            }
            for (Path file : files) {
                Properties properties = new Properties();
                try (var in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                Matcher option = Pattern.compile("--initialize-at-run-time=(\\S+)")
                        .matcher(properties.getProperty("Args", ""));
                while (option.find()) {
                    names.addAll(Arrays.asList(option.group(1).split(",")));
                }
            }
        }
        return names;
    }

    /** Our classes as the class path has them, whichever module compiled them (tests aside). */
    private static List<String> mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PackageGraph.ROOT).stream()
                .map(JavaClass::getName).filter(name -> !name.endsWith(".package-info")).sorted().toList();
    }

    /** Loads without initialising: the check must not run the static initialisers it judges. */
    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BuildTimeInitialisationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("class " + name + " is not on the classpath", e);
        }
    }

    private static Stream<String> machineStateInStatics(Path source) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MACHINE_STATE_IN_STATIC.matcher(text).results()
                .map(m -> source + ":" + (text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1) + ": "
                        + m.group().strip());
    }

    static boolean readsMachineState(String code) {
        return MACHINE_STATE_IN_STATIC.matcher(code).find();
    }
}
