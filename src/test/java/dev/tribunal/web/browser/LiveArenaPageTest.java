package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.tribunal.web.StubJudges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arena page's "submit your own sample" form against a server with two live judges (a stub provider). */
class LiveArenaPageTest extends BrowserTest {

    private static StubJudges judges;

    @BeforeAll
    static void start() {
        judges = new StubJudges("alice", "bob");
        launch(SiteSamples.standard(), 0, db -> judges.settings(db, 0.3));
    }

    @AfterAll
    static void stopJudges() {
        if (judges != null) judges.close();
    }

    @Test
    void aSubmittedSampleGetsBothLiveCritiquesThenAVoteRevealsTheJudges() {
        page.navigate(site.url("/"));
        assertThat(page.locator("#vote button[data-choice='A']")).isEnabled();
        page.locator("#mode-own").click();
        assertThat(page.locator("#sample-form")).isVisible();
        page.locator("#sample-form button[type='submit']").click();
        assertThat(page.locator("#form-error")).hasText("Please fill in: User input, Response.");
        assertThat(page.locator("#f-input")).hasAttribute("aria-invalid", "true");

        // issue 12, item 2: visible limits with counters, in characters whatever the script; nothing is cut off
        page.locator("input[name='kind'][value='pair']").check();
        page.locator("#f-input").fill("漢".repeat(8_001));
        assertThat(page.locator("#n-input")).hasText("8,001 / 8,000 characters: 1 too many");
        org.assertj.core.api.Assertions.assertThat(page.locator("#f-input").inputValue()).hasSize(8_001);
        page.locator("#f-response-a").fill("Canberra.");
        page.locator("#f-response-b").fill("Sydney, the largest city.");
        page.locator("#sample-form button[type='submit']").click();
        assertThat(page.locator("#form-error")).containsText("Too long (see the counters): User input.");
        screenshot("own-sample-too-long");

        // Chinese text of allowed length: more than the 64 KB body limit in UTF-8, accepted all the same
        String question = "What is the capital of Australia? " + "漢".repeat(7_000);
        page.locator("#f-input").fill(question);
        page.locator("#f-response-a").fill("Canberra. " + "字".repeat(15_000));
        assertThat(page.locator("#n-response_a")).hasText("15,010 / 16,000 characters");
        page.locator("#sample-form button[type='submit']").click();

        assertThat(page.locator("#status")).hasText("Your sample, assessed by two anonymous judges: vote below.");
        assertThat(page.locator("#input")).containsText("What is the capital of Australia?");
        String critiques = page.locator("#critique-a").textContent() + "\n" + page.locator("#critique-b").textContent();
        org.assertj.core.api.Assertions.assertThat(critiques)
                .contains(StubJudges.critiqueBy("alice"), StubJudges.critiqueBy("bob"));
        assertThat(page.locator("#identity-a")).isHidden();
        screenshot("live-before-vote");

        page.locator("#vote button[data-choice='B']").click();
        assertThat(page.locator("#reveal")).isVisible();
        String revealed = page.locator("#identity-a").textContent() + "\n" + page.locator("#identity-b").textContent();
        org.assertj.core.api.Assertions.assertThat(revealed).contains("Alice Judge", "Bob Judge");
        screenshot("live-revealed");
        org.assertj.core.api.Assertions.assertThat(judges.server().requests()).isEqualTo(2);
    }
}
