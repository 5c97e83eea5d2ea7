package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sample and critiques full of script (script tags, onerror images, javascript: links, svg onload, iframes),
 * stored through the store as an import or a live judge would: every page shows it as text and runs none of it.
 */
class HostileTextTest extends BrowserTest {

    @BeforeAll
    static void start() {
        launch(SiteSamples.hostile());
    }

    private void assertNothingRan(Page p) {
        p.waitForTimeout(300);   // give an onerror or onload handler the chance to fire
        assertThat(p.evaluate("typeof window." + SiteSamples.XSS_FLAG)).isEqualTo("undefined");
        assertThat(dialogs).isEmpty();
        assertThat(p.locator(".markdown script, .markdown img, .markdown iframe, .markdown svg, .markdown [onerror]"))
                .hasCount(0);
        assertThat(p.locator(".markdown a[href^='javascript']")).hasCount(0);
    }

    @Test
    void theArenaShowsScriptAsTextAndRunsNothing() {
        page.navigate(site.url("/"));
        assertThat(page.locator("#vote button[data-choice='A']")).isEnabled();
        assertThat(page.locator("#input")).containsText("<script>window." + SiteSamples.XSS_FLAG + " = 'script'</script>");
        assertThat(page.locator("#input")).containsText("<img src=x onerror=");
        assertThat(page.locator(".judges")).containsText("<img src=x onerror=");
        assertNothingRan(page);
        screenshot("arena");

        page.locator("#vote button[data-choice='A']").click();
        assertThat(page.locator("#reveal")).isVisible();
        assertNothingRan(page);
    }

    @Test
    void theBattlesPageShowsScriptAsTextAndRunsNothing() {
        page.navigate(site.url("/battles?q=onerror"));
        assertThat(page.locator("article.battle")).hasCount(1);
        assertThat(page.locator("article.battle")).containsText("<svg onload=");
        assertThat(page.locator("article.battle")).containsText("<iframe src=");
        assertThat(page.locator("article.battle .markdown a").first()).hasText("click me");
        assertNothingRan(page);
        screenshot("battles");
    }

    /**
     * Issue 12, item 4: math was shown raw ($x=5$). It is typeset by KaTeX, loaded only when a text has math; dollar
     * amounts stay text; TeX can make no link and run nothing (KaTeX's trust is off).
     */
    @Test
    void mathIsTypesetAndDollarAmountsStayText() {
        page.navigate(site.url("/"));
        assertThat(page.locator("#vote button[data-choice='A']")).isEnabled();
        assertThat(page.locator("link[href*='katex']")).hasCount(0);   // no math on the page: KaTeX not loaded
        page.evaluate("""
                async () => {
                  const { renderMarkdown } = await import('/js/markdown.js');
                  const box = Object.assign(document.createElement('div'), { id: 'math-test' });
                  document.querySelector('main').append(box);
                  renderMarkdown(box, 'Let $x=5$. It costs $5 and $10. $$\\\\frac{a}{b}$$ '
                    + 'and $\\\\href{javascript:window.%s=1}{click}$ and `$y$` in code.');
                }""".formatted(SiteSamples.XSS_FLAG));
        assertThat(page.locator("#math-test .katex")).hasCount(3);
        assertThat(page.locator("#math-test .katex .mfrac")).hasCount(1);
        assertThat(page.locator("#math-test")).containsText("It costs $5 and $10.");
        assertThat(page.locator("#math-test code")).hasText("$y$");
        assertThat(page.locator("#math-test a")).hasCount(0);
        screenshot("math");
        assertNothingRan(page);
    }
}
