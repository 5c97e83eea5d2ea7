package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.web.browser.TribunalSite.SiteData;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A voter who asks for rounds faster than the server allows is told, in words, when to come back. */
class RateLimitedArenaTest extends BrowserTest {

    @BeforeAll
    static void start() {
        SiteData standard = SiteSamples.standard();
        launch(new SiteData(standard.judges(), standard.samples(), 0, 0), 2);
    }

    @Test
    void aTooManyRequestsAnswerSaysWhenToTryAgain() {
        page.navigate(site.url("/"));
        assertThat(page.locator("#vote button[data-choice='A']")).isEnabled();
        page.keyboard().press("1");
        assertThat(page.locator("#reveal")).isVisible();
        page.keyboard().press("n");
        assertThat(page.locator("#reveal")).isHidden();
        page.keyboard().press("2");
        assertThat(page.locator("#reveal")).isVisible();

        page.keyboard().press("n");   // the third round within a minute
        assertThat(page.locator("#error")).isVisible();
        assertThat(page.locator("#error-text")).hasText(Pattern.compile("try again in \\d+ s", Pattern.CASE_INSENSITIVE));
        String message = page.locator("#error-text").textContent().toLowerCase();
        assertThat(message.indexOf("try again")).as("said once: " + message).isEqualTo(message.lastIndexOf("try again"));
        assertThat(page.locator("#retry")).isDisabled();
        assertThat(page.locator("#retry")).hasText(Pattern.compile("Try again in \\d+ s"));
        assertThat(page.locator("#new-round")).isEnabled();
        screenshot("rate-limited");
    }
}
