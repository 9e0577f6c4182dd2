package dev.switchman.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its chromium-driver: headless, with a fresh profile, and without the
 * background connections this machine's closed network refuses. Screenshots go to {@code target/}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/status-page-screenshots");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    HeadlessChromium(int width, int height) throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the status page is tested in a real browser: install Debian's chromium and"
                    + " chromium-driver (.ci/run does: apt-get install chromium chromium-driver)");
        }
        profile = Files.createTempDirectory("switchman-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // before any page's own script: note each thing the page's Content-Security-Policy blocks
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.policyViolations = [];
                document.addEventListener('securitypolicyviolation', e => window.policyViolations.push(
                    e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':'
                    + e.lineNumber + ' ' + (e.sample || '')));
                """));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Saves what the browser shows as {@code target/status-page-screenshots/<name>.png}, the whole page tall. */
    Path screenshot(String name) {
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        Object width = driver.executeScript("return window.innerWidth");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", ((Number) width).intValue(),
                "height", ((Number) height).intValue(), "deviceScaleFactor", 1, "mobile", false));
        try {
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** What the open page's Content-Security-Policy refused to load or run since it was opened. */
    List<?> policyViolations() {
        return (List<?>) driver.executeScript("return window.policyViolations || ['the violation listener is missing']");
    }

    /** Makes the page believe the system prefers a dark (or light) colour scheme. */
    void prefersColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException leftBehind) {
            // a temporary profile left behind is harmless
        }
    }
}
