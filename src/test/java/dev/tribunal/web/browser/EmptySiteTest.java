package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 8: the jar started outside the repository found no demo and showed "nothing to judge" styled as
 * an error. An empty arena is a state: the page explains it and says how to fill it.
 */
class EmptySiteTest extends BrowserTest {

    @BeforeAll
    static void start() {
        launch(new TribunalSite.SiteData(List.of(), List.of(), 0, 0));
    }

    @Test
    void anEmptyArenaIsExplainedNotReportedAsAProblem() {
        page.navigate(site.url("/"));
        assertThat(page.locator("#empty")).isVisible();
        assertThat(page.locator("#empty")).containsText("scripts/run");
        assertThat(page.locator("#error")).isHidden();
        screenshot("empty");
        AccessibilityTest.assertAxe(page, "empty arena");
        pageErrors.removeIf(e -> e.contains("503"));   // the API's answer: nothing to judge
        assertThat(pageErrors).isEmpty();
    }
}
