package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.tribunal.store.Contestant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The judge arena page in a real Chromium against a real server: a whole round, anonymity, weight, phones, the form. */
class ArenaPageTest extends BrowserTest {

    /** The arena page must stay light: everything transferred for "/", scripts and styles included. */
    static final long MAX_ARENA_BYTES = 300 * 1024;

    @BeforeAll
    static void start() {
        launch(SiteSamples.standard());
    }

    private Locator voteButton(String choice) {
        return page.locator("#vote button[data-choice='" + choice + "']");
    }

    private void waitForRound(Page p) {
        assertThat(p.locator("#vote button[data-choice='A']")).isEnabled();
        assertThat(p.locator("#critique-a")).not().isEmpty();
        assertThat(p.locator("#critique-b")).not().isEmpty();
    }

    @Test
    void aRevealHasAPermalinkThatShowsItInAnotherBrowser() {
        page.navigate(site.url("/"));
        waitForRound(page);
        voteButton("A").click();
        assertThat(page.locator("#reveal")).isVisible();
        String judgeA = page.locator("#reveal-list strong").first().textContent();
        String judgeB = page.locator("#reveal-list strong").nth(1).textContent();
        String href = page.locator("#pair-stats a.permalink, #pair-stats .permalink a").first().getAttribute("href");
        org.assertj.core.api.Assertions.assertThat(href).startsWith("/?round=");

        Page other = freshPage(1280, 800);
        other.navigate(site.url(href));
        assertThat(other.locator("#reveal")).isVisible();
        assertThat(other.locator("#reveal-list strong").first()).hasText(judgeA);
        assertThat(other.locator("#reveal-list strong").nth(1)).hasText(judgeB);
        assertThat(other.locator("#your-vote")).containsText("Judge A is better");
    }

    @Test
    void playsARoundByClickAndByKeyboardThenStartsNewRoundsAndRegeneratesJudges() {
        page.navigate(site.url("/"));
        waitForRound(page);
        assertThat(page.locator("#input")).not().isEmpty();
        assertThat(page.locator("#verdict-a")).not().isEmpty();
        assertThat(page.locator("#identity-a")).isHidden();
        assertThat(voteButton("A")).containsText("1");
        assertThat(voteButton("both_bad")).containsText("Both bad");
        screenshot("1-before-vote");

        voteButton("A").click();
        assertThat(page.locator("#reveal")).isVisible();
        assertThat(page.locator("#your-vote")).hasText("Your vote: Judge A is better.");
        assertRevealNamesSeededJudges(page);
        assertThat(page.locator("#reveal-list")).containsText("written by");
        assertThat(page.locator("#pair-stats")).containsText("vote");
        assertThat(voteButton("A")).isHidden();
        screenshot("2-revealed");

        page.keyboard().press("n");
        waitForRound(page);
        assertThat(page.locator("#reveal")).isHidden();
        assertThat(page.locator("#identity-b")).isHidden();
        page.keyboard().press("2");
        assertThat(page.locator("#your-vote")).hasText("Your vote: Judge B is better.");
        assertThat(page.locator(".judge[data-side='B']")).hasClass(Pattern.compile("chosen"));
        assertRevealNamesSeededJudges(page);

        String input = page.locator("#input").textContent();
        page.locator("#regenerate").click();
        waitForRound(page);
        assertThat(page.locator("#reveal")).isHidden();
        assertThat(page.locator("#input")).hasText(input);
        page.keyboard().press("t");
        assertThat(page.locator("#your-vote")).hasText("Your vote: Tie.");
        page.keyboard().press("r");
        waitForRound(page);
        page.keyboard().press("x");
        assertThat(page.locator("#your-vote")).hasText("Your vote: Both are bad.");
        screenshot("3-after-regenerate");
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void aReloadShowsTheSameRoundAndAfterTheVoteItsReveal() {
        page.navigate(site.url("/"));
        waitForRound(page);
        String critique = page.locator("#critique-a").textContent();
        page.reload();
        waitForRound(page);
        assertThat(page.locator("#critique-a")).hasText(critique);

        voteButton("B").click();
        assertThat(page.locator("#reveal")).isVisible();
        String judgeA = page.locator("#identity-a strong").textContent();
        page.reload();
        assertThat(page.locator("#reveal")).isVisible();
        assertThat(page.locator("#your-vote")).hasText("Your vote: Judge B is better.");
        assertThat(page.locator("#identity-a strong")).hasText(judgeA);
        assertThat(page.locator("#critique-a")).hasText(critique);
        assertThat(page.locator("#new-round")).isEnabled();
        page.keyboard().press("n");
        waitForRound(page);
        assertThat(page.locator("#reveal")).isHidden();
        assertThat(pageErrors).isEmpty();
    }

    private static void assertRevealNamesSeededJudges(Page p) {
        List<String> names = SiteSamples.JUDGES.stream().map(Contestant::name).toList();
        for (String side : List.of("a", "b")) {
            String shown = p.locator("#identity-" + side + " strong").textContent();
            assertThat(names).contains(shown);
        }
    }

    @Test
    void keepsTheJudgesAnonymousInEveryResponseBeforeTheVote() {
        Map<String, String> bodies = new ConcurrentHashMap<>();
        page.onResponse(response -> bodies.put(response.request().method() + " " + response.url(), text(response)));
        page.navigate(site.url("/"));
        waitForRound(page);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

        assertThat(bodies.keySet()).anyMatch(k -> k.startsWith("POST ") && k.endsWith("/api/rounds"))
                .anyMatch(k -> k.endsWith("/js/arena.js")).anyMatch(k -> k.contains("/webjars/"));
        List<String> secrets = new ArrayList<>();
        for (Contestant judge : SiteSamples.JUDGES) {
            secrets.add(judge.name());
            secrets.add(judge.organisation());
        }
        bodies.forEach((request, body) -> assertThat(secrets).as("in %s", request)
                .noneMatch(secret -> body.toLowerCase().contains(secret.toLowerCase())));
        assertThat(page.content()).doesNotContain(secrets);

        // the check can see names: after the vote they arrive
        voteButton("B").click();
        assertThat(page.locator("#reveal")).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertThat(bodies.entrySet()).anyMatch(e -> e.getKey().endsWith("/vote")
                && secrets.stream().anyMatch(e.getValue()::contains));
    }

    private static String text(Response response) {
        try {
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "";   // redirects and aborted requests have no body
        }
    }

    @Test
    void weighsUnder300KilobytesAndBecomesInteractiveQuickly() {
        page.navigate(site.url("/"));   // warms the server's JIT, so the figure below is the page's, not the JVM's
        waitForRound(page);
        Page p = freshPage(1280, 900);
        AtomicLong bytes = new AtomicLong();
        List<String> urls = new ArrayList<>();
        p.onRequestFinished(request -> {
            var sizes = request.sizes();
            bytes.addAndGet(sizes.responseBodySize + sizes.responseHeadersSize);
            urls.add(request.url());
        });
        p.navigate(site.url("/"));
        waitForRound(p);
        p.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        double interactiveMs = ((Number) p.evaluate(
                "performance.getEntriesByName('tribunal:interactive')[0].startTime")).doubleValue();
        System.out.printf("Arena page: %d bytes transferred in %d responses; interactive after %.0f ms%n",
                bytes.get(), urls.size(), interactiveMs);
        assertThat(bytes.get()).isLessThan(MAX_ARENA_BYTES).isGreaterThan(10_000);
        assertThat(urls).noneMatch(u -> u.contains("chart.js"));
        assertThat(interactiveMs).isPositive();
    }

    @Test
    void fitsAPhoneScreenWithTheJudgesStacked() {
        Page p = phonePage();
        p.navigate(site.url("/"));
        waitForRound(p);
        assertFitsPhoneWidth(p);
        var a = p.locator(".judge[data-side='A']").boundingBox();
        var b = p.locator(".judge[data-side='B']").boundingBox();
        assertThat(b.y).as("judge B below judge A").isGreaterThanOrEqualTo(a.y + a.height);
        assertThat(a.width).isGreaterThan(300);
        screenshot(p, "phone");
        p.locator("#vote button[data-choice='tie']").click();
        assertThat(p.locator("#reveal")).isVisible();
        screenshot(p, "phone-revealed");
    }

    /**
     * Issue 12, item 2: the form sat at the bottom and was filled in before the visitor learnt (from a 503 aimed at
     * the operator) that there are no live judges. Now the choice is at the top, and without live judges the page
     * says so in a sentence instead of showing a form (LiveArenaPageTest fills the form on a site with live judges).
     */
    @Test
    void ownSampleIsChosenAtTheTopAndWithoutLiveJudgesNoFormIsOffered() {
        page.navigate(site.url("/"));
        waitForRound(page);
        var own = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("My own sample"));
        assertThat(own).isVisible();
        org.assertj.core.api.Assertions.assertThat(own.boundingBox().y).as("the choice is near the top")
                .isLessThan(page.locator(".judge[data-side='A']").boundingBox().y);
        own.click();
        assertThat(own).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#no-live")).isVisible();
        assertThat(page.locator("#no-live")).containsText("no live AI judges");
        assertThat(page.locator("#sample-form")).isHidden();
        assertThat(page.locator("#round")).isHidden();
        screenshot("own-sample-without-live-judges");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A random sample")).click();
        assertThat(voteButton("A")).isEnabled();
    }
}
