package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A judge's report card page on the bundled demo, reached from the leaderboard and from a reveal. */
class JudgePageTest extends BrowserTest {

    @BeforeAll
    static void start() {
        launch(new TribunalSite.Demo(30));
    }

    @Test
    void theLeaderboardOpensACardWithItsFiguresAndCharts() {
        page.navigate(site.url("/leaderboard"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bard")).click();
        page.waitForURL("**/judges/bard");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bard — report card"))).isVisible();
        assertThat(page.locator("#flags")).containsText("position-biased");
        assertThat(page.locator("#rows")).containsText("1,253 / 290 / 57");
        assertThat(page.locator("#rows")).containsText("Cohen’s kappa with people");
        assertThat(page.locator("#shares-chart")).isVisible();
        screenshot("bard");
        Page phone = phonePage();
        phone.navigate(site.url("/judges/gpt4"));
        assertThat(phone.locator("#rows tr").first()).isVisible();
        assertFitsPhoneWidth(phone);
        // issue 12 (d): on a phone the chart's labels were clipped at the left ("rst-position preference ...")
        double beyond = ((Number) phone.evaluate("() => { const y = Chart.getChart('shares-chart').scales.y;"
                + " return y._labelSizes.widest.width - y.width; }")).doubleValue();
        assertThat(beyond).as("widest label beyond its axis, px").isLessThanOrEqualTo(0);
        screenshot(phone, "gpt4-phone");
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void theRevealLinksToBothJudgesCards() {
        page.navigate(site.url("/"));
        assertThat(page.locator("#critique-a")).not().isEmpty();
        page.keyboard().press("3");
        assertThat(page.locator("#reveal")).isVisible();
        assertThat(page.locator("#reveal-list a[href^='/judges/']")).hasCount(2);
    }

    @Test
    void anUnknownJudgeSaysSoInOurWords() {
        page.navigate(site.url("/judges/nobody"));
        assertThat(page.locator("#error")).isVisible();
        assertThat(page.locator("#error-text")).containsText("No judge named 'nobody'");
        pageErrors.clear();   // the 404 is the point
    }

    @Test
    void theCardIsAccessibleInLightAndDarkSchemes() {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            page.navigate(site.url("/judges/claude"));
            assertThat(page.locator("#rows tr").first()).isVisible();
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"))).isVisible();
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Skip to content");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> measured = (List<Map<String, Object>>) page.evaluate(AccessibilityTest.CONTRAST,
                    String.join(", ", AccessibilityTest.TEXT));
            assertThat(measured).hasSizeGreaterThan(10);
            for (Map<String, Object> m : measured) {
                assertThat(((Number) m.get("ratio")).doubleValue()).as("%s: contrast of '%s'", scheme, m.get("text"))
                        .isGreaterThanOrEqualTo(4.5);
            }
            screenshot("claude-" + scheme.name().toLowerCase());
        }
        assertThat(pageErrors).isEmpty();
    }
}
