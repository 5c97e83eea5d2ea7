package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.tribunal.bench.collective.CollectiveStub;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A collective run on the runs page: its card, and once done its board with judge weights, cost and latency, and
 * the two plots of score against mean answer latency and against cost per answer (drawn, labelled, on a phone too).
 */
class CollectiveRunsPageTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions LONG = new LocatorAssertions.HasTextOptions().setTimeout(90_000);
    private static CollectiveStub stub;
    private static LlmGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        stub = new CollectiveStub().latency(20);
        LlmConfig llm = Yaml.llmConfig(Files.readString(stub.config(siteDirectory, 4, "")));
        launch(SiteSamples.standard(), 0, db -> {
            gateway = new LlmGateway(llm, new LlmCallDao(db));
            return LiveSettings.none().withGateway(gateway);
        });
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) stub.close();
    }

    @Test
    void aFinishedCollectiveRunShowsItsBoardAndTheScoreAgainstLatencyAndCostPlots() {
        HttpResponse<String> started = new HttpSession(site.address()).post("/api/admin/jobs",
                "{\"kind\": \"collective\", \"models\": [\"m1\", \"m2\", \"m3\", \"m4\", \"m5\"], \"iterations\": 4, "
                        + "\"weights\": \"autobench\", \"rounds\": 20}",
                "Authorization", "Bearer " + RunningService.ADMIN_TOKEN, "Content-Type", "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = HttpSession.json(started).get("id").asLong();

        page.navigate(site.url("/runs"));
        var card = page.locator("article.run[data-job='" + id + "']");
        assertThat(card.getByRole(AriaRole.HEADING).first()).hasText("Run " + id + ": collective benchmark of 5 models");
        assertThat(card.locator(".note").first()).containsText("judges weighted by autobench");
        assertThat(card.locator(".run-state")).hasText("Done", LONG);

        var board = card.locator(".run-collective table");
        assertThat(board.locator("tbody tr")).hasCount(5);
        assertThat(board.locator("tbody tr").first().locator("th")).hasText("m1");
        assertThat(board.locator("thead")).containsText("Judge weight");
        for (String plot : new String[] {"latency", "cost"}) {
            var canvas = card.locator("#plot-" + plot + "-" + id);
            assertThat(canvas).isVisible();
            assertThat(canvas).hasAttribute("role", "img");
            // Chart.js has drawn it: the canvas has a size and is attached to a chart
            Object drawn = page.evaluate("id => !!window.Chart.getChart(document.getElementById(id))", "plot-" + plot + "-" + id);
            assertThat(drawn).isEqualTo(true);
        }
        assertThat(card.locator("figcaption").first()).hasText("Score against mean answer latency");
        AccessibilityTest.assertAxe(page, "collective run");
        screenshot("collective");

        // its board on the leaderboard: the score is the weighted mean rating (1-5), not a win-rate in %
        card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Models judged by the pool")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/leaderboard\\?board=models&source=collective%3A" + id));
        assertThat(page.locator("th.score-col").first()).hasText("Score (1–5)");
        assertThat(page.locator("th.score-col").nth(1)).isHidden();
        assertThat(page.locator("#rows tr").first()).containsText("m1");
        assertThat(page.locator("#rows tr").first()).not().containsText("%");
        assertThat(page.locator("#source-note")).containsText("collective benchmark (run " + id + ")");
        screenshot("collective-leaderboard");

        Page phone = phonePage();
        phone.navigate(site.url("/runs"));
        assertThat(phone.locator("article.run[data-job='" + id + "'] .run-collective table")).isVisible();
        assertFitsPhoneWidth(phone);
        screenshot(phone, "collective-phone");
        assertThat(pageErrors).isEmpty();
    }
}
