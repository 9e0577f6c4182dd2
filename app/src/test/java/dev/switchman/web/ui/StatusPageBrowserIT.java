package dev.switchman.web.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.Eventually;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The status page in headless Chromium while the daemon reconciles the sandbox: what a person sees on the
 * overview and on an environment's page as a rollout verifies round by round, as a failed verdict is rolled back,
 * and when a YAML file breaks; the actions only with the token; and no page ever holding the canary secret.
 * Screenshots of each step are in {@code target/status-page-screenshots/}.
 */
@QuarkusTest
@TestProfile(StatusPageProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusPageBrowserIT {

    private static final Duration CONVERGE = Duration.ofSeconds(120);
    private static final String PRODUCTION = "article[data-environment='shop/production']";
    private static final String STAGING = "article[data-environment='shop/staging']";
    /** Every page the browser showed, for the canary check at the end. */
    private static final List<String> SEEN = new ArrayList<>();
    private static HeadlessChromium chromium;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void openBrowser() throws IOException {
        chromium = new HeadlessChromium(1280, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsEveryEnvironmentReadyWithItsRevisionRunsAndBudget() {
        open("/");
        // no reload from here on: the page's script polls the status API and swaps in the fresh page
        Eventually.until("both environments Ready on the overview", CONVERGE,
                () -> hasClass(PRODUCTION, "state-ready") && hasClass(STAGING, "state-ready"));

        WebElement production = find(PRODUCTION);
        assertThat(production.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Ready");
        assertThat(production.findElement(By.cssSelector(".reason")).getText()).isEqualTo("Converged");
        assertThat(production.getText()).contains("revision", "sha256:", "last run", "Converged", "next run");
        assertThat(production.findElements(By.cssSelector("svg.strip path.strip-ok, svg.strip path.strip-warn")))
                .isNotEmpty();
        assertThat(production.findElement(By.cssSelector("svg.strip")).getAttribute("aria-label"))
                .startsWith("last 24 hours: ");
        assertThat(find("#budget").getText()).contains("requests left this hour");
        assertThat(find("#budget").getAttribute("class")).contains("state-ready");
        assertThat(find("h2").getText()).startsWith("shop");
        Object foreign = chromium.driver.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => !n.startsWith(location.origin))");
        assertThat((List<?>) foreign).as("every asset comes from the daemon").isEmpty();
        see("01-overview-ready");
    }

    @Test
    @Order(2)
    void anEnvironmentPageShowsARolloutVerifyingRoundByRound() {
        open("/environments/shop/production");
        assertThat(find("h1").getText()).isEqualTo("shop / production");
        assertThat(count("#condition svg.strip rect")).isEqualTo(24);
        assertThat(count("#condition svg.strip rect.strip-ok, #condition svg.strip rect.strip-warn")).isPositive();
        DesiredStateFiles.replace(StatusPageProfile.DESIRED, StatusPageProfile.files(StatusPageProfile.production("2.0")));

        Eventually.until("the rollout of 2.0 in progress with a passed round", CONVERGE,
                () -> text("#rollout-state").equals("InProgress") && count(".lane[data-service='web'] circle.round-pass") > 0);
        assertThat(find("h2#rollout").getText()).startsWith("Current rollout");
        assertThat(hasClass(".env-head .badge", "state-progressing")).isTrue();
        assertThat(text("tr[data-service='web']")).contains("ghcr.io/acme/web:2.0");
        see("02-environment-rollout-in-progress");

        Eventually.until("the rollout verified", CONVERGE, () -> text("#rollout-state").equals("Succeeded"));
        assertThat(text("#rollout-verdict")).isEqualTo("verdict: Verified");
        // a 12 s soak checked every 2 s: at least its first and last round, more as the machine allows
        int rounds = count(".lane[data-service='web'] circle.round-pass");
        assertThat(rounds).isGreaterThanOrEqualTo(2);
        assertThat(count(".lane[data-service='web'] circle.round-fail")).isZero();
        assertThat(count(".lane[data-service='web'] polygon.verdict-pass")).isEqualTo(1);
        assertThat(text("#rollout-lanes")).contains("web: " + rounds + " round(s): " + rounds + " passed, 0 failed; verified");
        assertThat(text("tr[data-service='web']")).contains("VERIFIED", "last-known-good");
        see("03-environment-rollout-verified");
    }

    @Test
    @Order(3)
    void aFailedVerdictIsRolledBackRoundByRoundAndTheRevisionQuarantined() {
        open("/environments/shop/production");
        StatusPageProfile.sandboxAdmin("deployment-fault", "{\"project\": \"shop\", \"service\": \"web\", \"fault\": \"DEGRADE\"}");
        DesiredStateFiles.replace(StatusPageProfile.DESIRED, StatusPageProfile.files(StatusPageProfile.production("3.0")));

        Eventually.until("the degraded rollout rolled back and verified", CONVERGE,
                () -> text("#rollout-state").equals("RolledBack"));
        assertThat(text(".env-head .badge")).isEqualTo("Stalled");
        assertThat(hasClass(".env-head .badge", "state-stalled")).isTrue();
        assertThat(text("#reason")).isEqualTo("RevisionQuarantined");
        assertThat(text("#rollout-verdict")).isEqualTo("verdict: Failed");
        assertThat(count(".lane[data-service='web'] circle.round-fail:not(.rollback-round)")).isEqualTo(2);
        assertThat(count(".lane[data-service='web'] polygon.verdict-fail")).isEqualTo(1);
        assertThat(count(".lane[data-service='web'] rect.phase-rollback")).isEqualTo(1);
        assertThat(count(".lane[data-service='web'] circle.rollback-round.round-pass")).isGreaterThan(0);
        assertThat(count(".lane[data-service='web'] polygon.rollback-verdict.verdict-pass")).isEqualTo(1);
        assertThat(find(".lane[data-service='web'] circle.round-fail title").getAttribute("textContent"))
                .contains("check health failed: HTTP 503");
        assertThat(text("#quarantine")).contains("is quarantined", "check health failed 2 time(s) in a row");
        assertThat(text("tr[data-service='web']")).contains("ghcr.io/acme/web:3.0", "rolled back to",
                "ghcr.io/acme/web:2.0");
        assertThat(text("main")).contains("RollbackRequested", "RolledBack", "RevisionQuarantined");
        see("04-environment-rolled-back");

        open("/");
        assertThat(hasClass(PRODUCTION, "state-stalled")).isTrue();
        assertThat(find(PRODUCTION).getText()).contains("RevisionQuarantined", "held: web", "quarantined sha256:");
        see("05-overview-quarantined");
    }

    @Test
    @Order(4)
    void anInvalidYamlFileShowsWithItsFileAndLineWhileTheLastValidRevisionStays() {
        open("/");
        DesiredStateFiles.replace(StatusPageProfile.DESIRED, StatusPageProfile.files(
                StatusPageProfile.production("3.0") + "      deploy:\n        healthcheckTimeout: 99999\n"));

        Eventually.until("production DesiredStateInvalid on the overview", CONVERGE,
                () -> hasClass(PRODUCTION, "state-invalid"));
        assertThat(find(PRODUCTION).findElement(By.cssSelector(".badge")).getText()).isEqualTo("DesiredStateInvalid");
        assertThat(text("#desired-state-invalid")).contains("The newest desired state is invalid",
                "shop/production.yaml:9:", "healthcheckTimeout");
        assertThat(hasClass(STAGING, "state-ready")).as("a file of production's is no error of staging's").isTrue();
        see("06-overview-invalid-yaml");

        open("/environments/shop/production");
        assertThat(text(".env-head .badge")).isEqualTo("DesiredStateInvalid");
        assertThat(text("#reason")).isEqualTo("DesiredStateInvalid");
        see("07-environment-invalid-yaml");
        DesiredStateFiles.replace(StatusPageProfile.DESIRED, StatusPageProfile.files(StatusPageProfile.production("3.0")));
    }

    @Test
    @Order(5)
    void actionsAppearOnlyWithTheTokenAndCallTheStatusApi() {
        open("/environments/shop/staging");
        assertThat(find("#actions").isDisplayed()).as("read-only without a token").isFalse();
        assertThat(chromium.driver.findElements(By.cssSelector("button[data-action]")).stream()
                .filter(WebElement::isDisplayed)).isEmpty();

        useToken("not-the-token");
        find("button[data-action='reconcile']").click();
        Eventually.until("the API refuses a wrong token", Duration.ofSeconds(10),
                () -> text(".action-result").startsWith("Unauthorized"));
        assertThat(find("#actions").isDisplayed()).as("a refused token is forgotten").isFalse();

        useToken(StatusPageProfile.API_TOKEN);
        assertThat(find("#actions").isDisplayed()).isTrue();
        find("input[name='reason']").sendKeys("maintenance window");
        find("button[data-action='suspend']").click();
        Eventually.until("staging suspended", CONVERGE, () -> text(".env-head .badge").equals("Suspended"));
        assertThat(text("#condition")).contains("suspended by the API (maintenance window)");
        see("08-environment-suspended-with-token");
        find("button[data-action='resume']").click();
        Eventually.until("staging resumed and Ready", CONVERGE, () -> text(".env-head .badge").equals("Ready"));
        find("button[data-action='reconcile']").click();
        Eventually.until("the reconcile request accepted", Duration.ofSeconds(10),
                () -> text(".action-result").contains("reconciles it at its next tick"));
    }

    @Test
    @Order(6)
    void darkAndMobileLayoutsStayReadable() {
        chromium.prefersColorScheme("dark");
        open("/");
        Object background = chromium.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
        assertThat(background).isEqualTo("rgb(15, 18, 22)");
        see("09-overview-dark");
        chromium.prefersColorScheme("light");
        chromium.driver.manage().window().setSize(new Dimension(390, 844));
        open("/environments/shop/production");
        Object overflow = chromium.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        see("10-environment-mobile");
        chromium.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(7)
    void noPageEverShowsTheCanarySecretOrTheApiToken() {
        assertThat(StatusPageProfile.railwayVariable("production", "web", "API_KEY")).as("the secret is really in play")
                .isEqualTo(StatusPageProfile.CANARY);
        List<String> pages = new ArrayList<>(SEEN);
        for (String path : List.of("/", "/environments/shop/production", "/environments/shop/staging",
                "/environments/shop/nowhere")) {
            pages.add(given().get(path).then().header("Content-Security-Policy", StatusPages.POLICY)
                    .header("X-Content-Type-Options", "nosniff").extract().asString());
        }
        assertThat(pages).hasSizeGreaterThan(10);
        assertThat(pages).noneMatch(page -> page.contains(StatusPageProfile.CANARY))
                .noneMatch(page -> page.contains(StatusPageProfile.API_TOKEN));
        assertThat(given().get("/environments/shop/nowhere").statusCode()).isEqualTo(404);
    }

    private void open(String path) {
        chromium.driver.get(root.toString().replaceAll("/$", "") + path);
    }

    private void useToken(String token) {
        WebElement operator = find("#operator");
        if (operator.getAttribute("open") == null) {
            operator.findElement(By.tagName("summary")).click();
        }
        WebElement field = find("#token");
        field.clear();
        field.sendKeys(token);
        find("#token-form button[type='submit']").click();
    }

    private void see(String name) {
        assertThat(chromium.policyViolations()).as("what the page's own policy blocked on it").isEmpty();
        SEEN.add(chromium.driver.getPageSource());
        chromium.screenshot(name);
    }

    private static WebElement find(String css) {
        return chromium.driver.findElement(By.cssSelector(css));
    }

    /** The element's text, or "" while the page shows no such element (it is swapped in as the daemon moves). */
    private static String text(String css) {
        List<WebElement> found = chromium.driver.findElements(By.cssSelector(css));
        try {
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException swappedMeanwhile) {
            return "";
        }
    }

    private static int count(String css) {
        return chromium.driver.findElements(By.cssSelector(css)).size();
    }

    private static boolean hasClass(String css, String cssClass) {
        List<WebElement> found = chromium.driver.findElements(By.cssSelector(css));
        try {
            return !found.isEmpty() && List.of(found.get(0).getAttribute("class").split(" ")).contains(cssClass);
        } catch (StaleElementReferenceException swappedMeanwhile) {
            return false;
        }
    }
}
