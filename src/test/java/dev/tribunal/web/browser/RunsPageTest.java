package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.tribunal.bench.baseline.BenchStub;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.web.HttpSession;
import dev.tribunal.web.LiveSettings;
import dev.tribunal.web.RunningService;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runs page: each benchmark job with its live progress (server-sent events), phase, counts, cost so far, its
 * failures in words and, once done, links to its leaderboards; on a phone too, and readable in both colour schemes.
 */
class RunsPageTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions LONG = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
    private static BenchStub stub;
    private static LlmGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        stub = new BenchStub().latency(150);
        // one model whose provider cannot be reached: its answers fail, and the run says so
        String yaml = Files.readString(stub.config(siteDirectory, 4))
                .replace("  judges:\n", "    - {name: broken, provider: openai_compatible, base_url: 'http://127.0.0.1:9/v1', "
                        + "model: broken, retries: 0}\n  judges:\n")
                + "    - {name: broken, endpoint: broken}\n";
        LlmConfig llm = Yaml.llmConfig(yaml);
        launch(SiteSamples.standard(), 0, db -> {
            gateway = new LlmGateway(llm, new LlmCallDao(db));
            return LiveSettings.none().withGateway(gateway);
        });
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) stub.close();
    }

    private static long startJob(String body) {
        HttpResponse<String> started = new HttpSession(site.address()).post("/api/admin/jobs", body,
                "Authorization", "Bearer " + RunningService.ADMIN_TOKEN, "Content-Type", "application/json");
        if (started.statusCode() != 202) throw new AssertionError(started.body());
        return HttpSession.json(started).get("id").asLong();
    }

    @Test
    void showsEachRunsLiveProgressCostFailuresAndLeaderboards() {
        long good = startJob("{\"questions\": \"arena-hard-v0.1\", \"limit\": 4, \"baseline\": \"baseline\", "
                + "\"models\": [\"strong\", \"medium\"], \"judges\": [\"fair\", \"biased\"], \"rounds\": 10}");
        long bad = startJob("{\"questions\": \"mt-bench\", \"limit\": 2, \"baseline\": \"baseline\", "
                + "\"models\": [\"broken\"], \"judges\": [\"fair\"], \"rounds\": 10}");
        page.navigate(site.url("/runs"));
        var goodCard = page.locator("article.run[data-job='" + good + "']");
        var badCard = page.locator("article.run[data-job='" + bad + "']");
        assertThat(goodCard.getByRole(AriaRole.PROGRESSBAR)).isVisible();
        // the run's own heading: once it is done its card also has a "Leaderboards" heading (level 3), and a fast
        // run can be done before this looks
        assertThat(goodCard.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                .hasText("Run " + good + ": arena-hard-v0.1 (first 4)");

        // the events carry it to the end: 4 x 3 answers, then 4 x 2 models x 2 judges x 2 games
        assertThat(goodCard.locator(".run-state")).hasText("Done", LONG);
        assertThat(goodCard.locator("progress")).hasAttribute("value", "44");
        assertThat(goodCard.locator("progress")).hasAttribute("max", "44");
        assertThat(goodCard.locator(".run-percent")).hasText("100 %");
        assertThat(goodCard.locator(".run-figures")).containsText("Provider calls44");
        assertThat(goodCard.locator(".run-figures")).containsText(Pattern.compile("Cost so far\\$0\\.\\d{4}"));
        var board = goodCard.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Models judged by fair"));
        assertThat(board).hasAttribute("href",
                "/leaderboard?board=models&source=baseline%3Aarena-hard-v0.1%3Afair%3Avs%3Abaseline");
        assertThat(goodCard.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Judges on arena-hard-v0.1 (arena votes)"))).isVisible();

        assertThat(badCard.locator(".run-state")).hasText("Finished with failures", LONG);
        assertThat(badCard.locator(".run-failures h3")).hasText("2 failed units");
        assertThat(badCard.locator(".run-failures li").first()).hasText(Pattern.compile(
                "broken answering mt-bench:\\S+: the provider could not be reached \\[endpoint broken]"));
        screenshot("desktop");

        board.click();
        assertThat(page).hasURL(Pattern.compile("/leaderboard\\?board=models&source=baseline"));
        assertThat(page.locator("th.score-col").first()).isVisible();
        assertThat(page.locator("#rows tr").first()).containsText("%");
        screenshot("leaderboard");

        Page phone = phonePage();
        phone.navigate(site.url("/runs"));
        assertThat(phone.locator("article.run[data-job='" + good + "'] .run-state")).hasText("Done");
        assertFitsPhoneWidth(phone);
        screenshot(phone, "phone");

        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            page.navigate(site.url("/runs"));
            assertThat(badCard.locator(".run-failures li").first()).isVisible();
            assertContrast(scheme + " runs");
        }
        assertThat(pageErrors).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void assertContrast(String where) {
        List<Map<String, Object>> measured = (List<Map<String, Object>>) page.evaluate(AccessibilityTest.CONTRAST,
                "h1, .intro p, .run h2, .tag, .note, .label, .run-figures dt, .run-figures dd, .run-failures li, "
                        + ".run-links a, .run-percent, .site-header nav a, .status");
        assertThat(measured).as(where).hasSizeGreaterThan(10);
        for (Map<String, Object> m : measured) {
            assertThat(((Number) m.get("ratio")).doubleValue()).as("%s: contrast of '%s'", where, m.get("text"))
                    .isGreaterThanOrEqualTo(4.5);
        }
    }
}
