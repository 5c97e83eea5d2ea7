package dev.tribunal.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import dev.tribunal.store.Database;
import dev.tribunal.web.LiveSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Debian Chromium per test class (through Playwright, no browser download) against one real
 * {@link TribunalSite}; a fresh browser context per test. Without /usr/bin/chromium the tests are skipped,
 * except under CI=true, where they fail.
 */
abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final int PHONE_WIDTH = 375;
    static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", "--disable-quic", "--disable-component-update",
            "--disable-sync");

    /** The site's database directory, one per test class. */
    @TempDir
    static Path siteDirectory;

    static Playwright playwright;
    static Browser browser;
    static TribunalSite site;

    BrowserContext context;
    Page page;
    /** Uncaught errors and console errors of the page: a test fails if any appear unexpectedly. */
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    /** Dialogs (alert, confirm, prompt) the page tried to open; they are dismissed. */
    final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<BrowserContext> otherContexts = new CopyOnWriteArrayList<>();
    private String testName;

    /** Starts Chromium and a site over {@code data}; call from the subclass's @BeforeAll. */
    static void launch(TribunalSite.Content data) {
        launch(data, 0);   // 0: no limit
    }

    /** As {@link #launch(TribunalSite.Content)}, with a limit on the rounds a voter gets per minute. */
    static void launch(TribunalSite.Content data, int roundsPerMinute) {
        launch(data, roundsPerMinute, db -> LiveSettings.none());
    }

    /** As {@link #launch(TribunalSite.Content, int)}, with live judges made on the site's database. */
    static void launch(TribunalSite.Content data, int roundsPerMinute, Function<Database, LiveSettings> live) {
        launch(data, roundsPerMinute, live, dev.tribunal.config.LeaderboardConfig.DEFAULT_ARENA_REFRESH);
    }

    /** As above, with the arena boards refreshed every {@code arenaRefresh} when there are new votes. */
    static void launch(TribunalSite.Content data, int roundsPerMinute, Function<Database, LiveSettings> live,
                       java.time.Duration arenaRefresh) {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(CHROMIUM),
                "Skipping the browser tests: " + CHROMIUM + " is not installed (apt-get install chromium); CI=true requires it.");
        site = TribunalSite.start(siteDirectory, data, roundsPerMinute, live, arenaRefresh);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void shutDown() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (site != null) site.close();
        browser = null;
        playwright = null;
        site = null;
    }

    @BeforeEach
    void openPage(TestInfo info) {
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();
        context = newContext(1280, 900);
        page = watched(context.newPage());
    }

    @AfterEach
    void closePage() {
        if (context != null) context.close();
        otherContexts.forEach(BrowserContext::close);
        otherContexts.clear();
    }

    private BrowserContext newContext(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setReducedMotion(ReducedMotion.REDUCE));
    }

    /** A watched page in a browser context of its own (no cookies, no cache), closed after the test. */
    Page freshPage(int width, int height) {
        BrowserContext other = newContext(width, height);
        otherContexts.add(other);
        return watched(other.newPage());
    }

    /** A page on a phone-sized screen (375 × 812 CSS px). */
    Page phonePage() {
        return freshPage(PHONE_WIDTH, 812);
    }

    /** Nothing on the page is wider than a phone's screen: no sideways scrolling. */
    static void assertFitsPhoneWidth(Page p) {
        assertThat(((Number) p.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("page width on a phone").isLessThanOrEqualTo(PHONE_WIDTH);
    }

    Page watched(Page p) {
        p.onPageError(error -> pageErrors.add("page error: " + error));
        p.onConsoleMessage(message -> {
            if (message.type().equals("error")) pageErrors.add("console: " + message.text());
        });
        p.onResponse(response -> {
            if (response.status() >= 400) {
                pageErrors.add("HTTP " + response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        p.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        return p;
    }

    /** Saves a full-page screenshot as target/screenshots/{TestClass}-{test}-{step}.png. */
    void screenshot(Page p, String step) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve(testName + "-" + step + ".png")));
    }

    void screenshot(String step) {
        screenshot(page, step);
    }
}
