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
        page.locator("#submit-box summary").click();
        page.locator("input[name='kind'][value='pair']").check();
        page.locator("#f-input").fill("What is the capital of Australia?");
        page.locator("#f-response-a").fill("Canberra.");
        page.locator("#f-response-b").fill("Sydney, the largest city.");
        page.locator("#sample-form button[type='submit']").click();

        assertThat(page.locator("#form-status")).hasText("Done: vote on your sample above.");
        assertThat(page.locator("#input")).hasText("What is the capital of Australia?");
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
