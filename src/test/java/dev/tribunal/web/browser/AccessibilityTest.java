package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a person using a keyboard, a screen reader or weak eyes meets: controls found by their role and name, and
 * text contrast of at least 4.5:1 (WCAG AA), in the light and the dark colour scheme.
 */
class AccessibilityTest extends BrowserTest {

    /** Computes WCAG 2 contrast ratios of each visible text element against the first opaque background behind it. */
    static final String CONTRAST = """
            (selector) => {
              const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
              const luminance = ([r, g, b]) => {
                const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const background = (el) => {
                for (let e = el; e; e = e.parentElement) {
                  const c = rgb(getComputedStyle(e).backgroundColor);
                  if (c.length < 4 || c[3] === 1) return c.slice(0, 3);
                }
                return [255, 255, 255];
              };
              return [...document.querySelectorAll(selector)]
                .filter((el) => el.offsetParent !== null && el.textContent.trim() !== '')
                .map((el) => {
                  const a = luminance(rgb(getComputedStyle(el).color).slice(0, 3));
                  const b = luminance(background(el));
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  return { text: el.textContent.trim().slice(0, 30), ratio };
                });
            }""";

    static final List<String> TEXT = List.of("h1", ".intro p", ".label", ".tag", ".verdict strong", ".verdict-words",
            ".markdown p", ".side-badge", ".vote-buttons button", ".hint", ".site-header nav a", ".summary-note",
            ".identity", ".reveal-list dt", ".stack-legend li", ".next-buttons button", ".prelim-marker", ".meta",
            ".board td", ".board th", ".note", ".filters label", ".evaluation .votes", ".sample-votes", "[role='tab']");

    @BeforeAll
    static void start() {
        launch(SiteSamples.standard());
    }

    @Test
    void theArenasControlsHaveRolesAndNames() {
        page.navigate(site.url("/"));
        for (String name : List.of("A is better", "B is better", "Tie", "Both bad")) {
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name))).isEnabled();
        }
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Judge A"))).isVisible();
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to content");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tie")).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New round"))).isEnabled();
        assertThat(page.locator(":focus")).hasId("reveal-title");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("My own sample")).click();
        // this site has no live judges: a sentence, not a form
        assertThat(page.locator("#no-live")).isVisible();
    }

    @Test
    void theLeaderboardsTabsAreTabs() {
        page.navigate(site.url("/leaderboard"));
        var judges = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Judges"));
        var models = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Models"));
        assertThat(judges).hasAttribute("aria-selected", "true");
        judges.focus();
        page.keyboard().press("ArrowRight");
        assertThat(models).hasAttribute("aria-selected", "true");
        assertThat(models).isFocused();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV"))).isVisible();
    }

    @Test
    void textHasEnoughContrastInLightAndDarkSchemes() {
        for (var scheme : List.of(com.microsoft.playwright.options.ColorScheme.LIGHT,
                com.microsoft.playwright.options.ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            page.navigate(site.url("/"));
            assertThat(page.locator("#critique-a")).not().isEmpty();
            assertContrast(scheme + " arena before the vote");
            page.keyboard().press("1");
            assertThat(page.locator("#reveal")).isVisible();
            assertContrast(scheme + " arena revealed");
            page.navigate(site.url("/leaderboard"));
            assertThat(page.locator("#rows tr").first()).isVisible();
            assertContrast(scheme + " leaderboard");
            page.navigate(site.url("/battles"));
            assertThat(page.locator("article.battle").first()).isVisible();
            assertContrast(scheme + " battles");
        }
    }

    /**
     * Issue 12, item 7: axe-core (Deque's npm package, through its Playwright binding) on every page, on a desktop
     * and a phone screen, before and after a vote: no serious or critical violation (it found
     * scrollable-region-focusable on / and /battles, and on a phone's report card, whose figures table scrolls).
     */
    @Test
    void axeCoreFindsNoSeriousOrCriticalViolationOnAnyPage() {
        for (Page p : List.of(page, phonePage())) {
            String screen = p == page ? "desktop" : "phone";
            p.navigate(site.url("/"));
            assertThat(p.locator("#vote button[data-choice='A']")).isEnabled();
            assertAxe(p, screen + " arena before the vote");
            p.locator("#vote button[data-choice='A']").click();
            assertThat(p.locator("#reveal")).isVisible();
            assertAxe(p, screen + " arena revealed");
            p.locator("#mode-own").click();
            assertThat(p.locator("#no-live")).isVisible();
            assertAxe(p, screen + " arena, own sample");
            for (String board : List.of("judges", "models")) {
                p.navigate(site.url("/leaderboard?board=" + board));
                assertThat(p.locator("#rows tr").first()).isVisible();
                assertAxe(p, screen + " leaderboard " + board);
            }
            p.navigate(site.url("/battles"));
            assertThat(p.locator("article.battle").first()).isVisible();
            // no violation at all: it found landmark-unique (moderate), every scrolling text named "Text"
            assertAxe(p, screen + " battles", true);
            p.navigate(site.url("/how-it-works"));
            assertThat(p.locator("h1")).hasText("How the leaderboard works");
            assertAxe(p, screen + " how it works");
            // the pages the re-check found untested: benchmark questions, a judge's report card, the runs
            p.navigate(site.url("/battles?view=questions"));
            assertThat(p.locator("article.battle").first()).isVisible();
            assertAxe(p, screen + " benchmark questions", true);
            p.navigate(site.url("/judges/gavel-70b"));
            assertThat(p.locator("#rows tr").first()).isVisible();
            assertAxe(p, screen + " judge report card");
            p.navigate(site.url("/runs"));
            assertThat(p.locator("#status")).not().hasText("Loading the runs…");
            assertAxe(p, screen + " runs");
        }
    }

    static void assertAxe(Page p, String where) {
        assertAxe(p, where, false);
    }

    /** As {@link #assertAxe(Page, String)}; with {@code anyImpact} no violation at all (minor, moderate included). */
    static void assertAxe(Page p, String where, boolean anyImpact) {
        // a fade or transition still running is measured half-way (a colour blended with its background)
        p.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running')");
        AxeResults results = new AxeBuilder(p).analyze();
        List<String> serious = results.getViolations().stream()
                .filter(v -> anyImpact || "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getImpact() + " " + v.getId() + " (" + v.getNodes().size() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().limit(3).map(n -> n.getTarget() + " " + n.getFailureSummary()).toList())
                .toList();
        System.out.printf("axe-core, %s: %d violations, %d serious or critical%n", where, results.getViolations().size(),
                serious.size());
        org.assertj.core.api.Assertions.assertThat(serious).as("axe-core on " + where).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void assertContrast(String where) {
        List<Map<String, Object>> measured = (List<Map<String, Object>>) page.evaluate(CONTRAST, String.join(", ", TEXT));
        assertThat(measured).as(where).hasSizeGreaterThan(10);
        System.out.printf("Contrast, %s: %d text elements, lowest %.1f:1%n", where, measured.size(),
                measured.stream().mapToDouble(m -> ((Number) m.get("ratio")).doubleValue()).min().orElseThrow());
        for (Map<String, Object> m : measured) {
            assertThat(((Number) m.get("ratio")).doubleValue()).as("%s: contrast of '%s'", where, m.get("text"))
                    .isGreaterThanOrEqualTo(4.5);
        }
    }
}
