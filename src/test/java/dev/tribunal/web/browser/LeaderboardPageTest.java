package dev.tribunal.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import dev.tribunal.store.SnapshotStatus;
import dev.tribunal.web.RunningService;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The leaderboard page: judges and models tabs, the interval chart, filters, preliminary rows, the CSV link. */
class LeaderboardPageTest extends BrowserTest {

    @BeforeAll
    static void start() {
        launch(SiteSamples.standard());
    }

    /** Counts the canvas's drawn (non-transparent) pixels: 0 means the chart did not render. */
    private static int drawnPixels(Page p) {
        return ((Number) p.evaluate("""
                () => {
                  const c = document.querySelector('#chart');
                  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0;
                  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
                  return n;
                }""")).intValue();
    }

    @Test
    void showsTheJudgesBoardWithChartAndPreliminaryMarkersThenTheModelsBoard() {
        page.navigate(site.url("/leaderboard"));
        assertThat(page.locator("#rows tr")).hasCount(3);
        assertThat(page.locator("#tab-judges")).hasAttribute("aria-selected", "true");
        assertThat(page.locator("#meta")).containsText("from 40 arena votes");
        assertThat(page.locator("#meta")).containsText("0 flagged votes left out.");
        assertThat(page.locator("#rows")).containsText("gavel-70b");
        // 40 votes over three judges: each has fewer than the 30 battles a settled rating needs
        assertThat(page.locator("#rows .prelim-marker").first()).hasText("preliminary");
        assertThat(page.locator("#prelim-note")).isVisible();
        assertThat(drawnPixels(page)).isGreaterThan(500);
        screenshot("judges");

        page.locator("#tab-models").click();
        assertThat(page.locator("#tab-models")).hasAttribute("aria-selected", "true");
        assertThat(page.locator("#rows tr")).hasCount(4);
        assertThat(page.locator("#meta")).containsText("from 400 human votes");
        assertThat(page.locator("#rows tr").first()).containsText("atlas-70b");
        assertThat(page.locator("#rows tr").first()).containsText("Atlas Labs");
        assertThat(page.locator("#rows tr").first()).containsText("Apache-2.0");
        assertThat(page.locator("#rows tr").first().locator("td").first()).hasText(Pattern.compile("^1(–\\d)?$"));
        assertThat(page.locator("#rows .prelim-marker")).hasCount(0);
        assertThat(page.locator("#source")).hasValue("human");
        assertThat(drawnPixels(page)).isGreaterThan(500);
        assertThat(page).hasURL(Pattern.compile("board=models"));
        screenshot("models");

        page.locator("#category").selectOption("coding");
        assertThat(page.locator("#meta")).containsText("category coding");
        assertThat(page.locator("#meta")).containsText("from 200 human votes");
        assertThat(page.locator("#csv")).hasAttribute("href", Pattern.compile("category=coding.*format=csv"));

        page.locator("#tab-judges").click();
        assertThat(page.locator("#source")).hasValue("arena");
        assertThat(page.locator("#rows tr")).hasCount(3);
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void theCsvLinkDownloadsTheBoardShown() {
        page.navigate(site.url("/leaderboard?board=models"));
        assertThat(page.locator("#rows tr")).hasCount(4);
        String href = page.locator("#csv").getAttribute("href");
        assertThat(href).contains("format=csv").startsWith("/api/leaderboards/models");
        APIResponse csv = page.request().get(site.url(href));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        String[] lines = csv.text().strip().split("\r?\n");
        assertThat(lines[0]).startsWith("rank,rank_ub,name");
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).contains("atlas-70b");
    }

    /**
     * Issue 12, item 8: a bad leaderboard URL removed the source dropdown and mentioned an admin endpoint; now the
     * page says there is no such board and shows the default one, with its sources to choose from.
     */
    @Test
    void aBoardThatDoesNotExistIsSaidAndTheDefaultBoardShown() {
        page.navigate(site.url("/leaderboard?board=models&source=nowhere"));
        assertThat(page.locator("#error")).isVisible();
        assertThat(page.locator("#error-text")).containsText("no models leaderboard for source “nowhere”");
        assertThat(page.locator("#error-text")).not().containsText("/api/admin");
        assertThat(page.locator("#content")).isVisible();
        assertThat(page.locator("#source")).isVisible();
        assertThat(page.locator("#source option:checked")).hasText("human");
        screenshot("unknown-source");
        pageErrors.removeIf(e -> e.contains("404"));   // the board that does not exist
        assertThat(pageErrors).isEmpty();
    }

    /** Issue 12, item 5: head-to-head matrices (win rate, battles) of the board, readable as text and colour. */
    @Test
    void showsTheHeadToHeadMatrices() {
        page.navigate(site.url("/leaderboard?board=models"));
        assertThat(page.locator("#rows tr")).hasCount(4);
        page.locator("#matrix-box summary").click();
        assertThat(page.locator("#matrix tbody tr")).hasCount(4);
        assertThat(page.locator("#matrix tbody tr").first().locator("td").nth(1)).hasText(Pattern.compile("\\d+ %|–"));
        assertThat(page.locator("#matrix thead th").first()).hasText("atlas-70b");
        screenshot("win-rate-matrix");
        page.locator("#show-battles").click();
        assertThat(page.locator("#matrix caption")).hasText("Battles between the row and the column");
        assertThat(page.locator("#matrix tbody tr").first().locator("td").nth(1)).hasText(Pattern.compile("\\d+"));
        AccessibilityTest.assertAxe(page, "leaderboard matrix");
        page.locator("#tab-judges").click();
        assertThat(page.locator("#matrix tbody tr")).hasCount(3);
        assertThat(pageErrors).isEmpty();
    }

    /**
     * Issue 12, item 5: a models board whose battles carry the answers' styles switches to its style-controlled
     * ratings and back; the switch says what it does, the address keeps it, and a board without styles says it has
     * none. (The site's stronger models also write longer, more formatted answers, so the ratings move.)
     */
    @Test
    void theStyleControlSwitchShowsTheStyleControlledBoard() throws IOException {
        page.navigate(site.url("/leaderboard?board=models"));
        assertThat(page.locator("#rows tr")).hasCount(4);
        Locator box = page.locator("#style-control");
        assertThat(box).isVisible();
        assertThat(box).isEnabled();
        assertThat(box).not().isChecked();
        assertThat(page.locator("#style-note")).containsText("Off");
        String plainTop = page.locator("#rows tr").first().locator("td").nth(2).textContent();

        box.check();
        assertThat(page.locator("#style-note")).containsText("held equal");
        assertThat(page).hasURL(Pattern.compile("style_control=true"));
        assertThat(page.locator("#csv")).hasAttribute("href", Pattern.compile("style_control=true"));
        assertThat(page.locator("#rows tr")).hasCount(4);
        String styledTop = page.locator("#rows tr").first().locator("td").nth(2).textContent();
        JsonNode styled = new ObjectMapper().readTree(
                page.request().get(site.url("/api/leaderboards/models?style_control=true")).text());
        assertThat(styled.get("settings").get("style_control").asBoolean()).isTrue();
        assertThat(styledTop).isEqualTo(String.valueOf(Math.round(styled.get("rows").get(0).get("rating").asDouble())));
        assertThat(styledTop).isNotEqualTo(plainTop);
        assertThat(drawnPixels(page)).isGreaterThan(500);
        AccessibilityTest.assertAxe(page, "leaderboard with style control");
        screenshot("style-control");
        Page phone = phonePage();
        phone.navigate(site.url("/leaderboard?board=models&style_control=true"));
        assertThat(phone.locator("#style-control")).isChecked();
        assertFitsPhoneWidth(phone);
        screenshot(phone, "style-control-phone");

        page.reload();
        assertThat(page.locator("#style-control")).isChecked();
        page.locator("#style-control").uncheck();
        assertThat(page.locator("#style-note")).containsText("Off");
        assertThat(page.locator("#rows tr").first().locator("td").nth(2)).hasText(plainTop);
        page.locator("#tab-judges").click();
        assertThat(page.locator("#style-filter")).isHidden();

        // a source whose battles lack the answers' styles: no style-controlled board, and the page says so
        site.db().battles().insert(BattleRow.of(ContestantKind.MODEL, "atlas-70b", "delta-mini", 1, "import:plain", null));
        APIResponse refreshed = page.request().post(site.url("/api/admin/refresh"), RequestOptions.create()
                .setHeader("Authorization", "Bearer " + RunningService.ADMIN_TOKEN));
        assertThat(refreshed.status()).isEqualTo(200);
        page.navigate(site.url("/leaderboard?board=models&source=import:plain&style_control=true"));
        assertThat(page.locator("#error-text")).containsText("no style-controlled version");
        assertThat(page.locator("#meta")).containsText("source import:plain");
        assertThat(page.locator("#style-control")).isDisabled();
        assertThat(page.locator("#style-note")).containsText("Not available");
        screenshot("style-control-unavailable");

        // a baseline board shows its style-controlled score as a column of its own: no switch to offer
        Instant now = Instant.now();
        site.db().snapshots().insert(new Snapshot(0, ContestantKind.MODEL, "baseline:set:fair:vs:delta-mini", null, now,
                now, 2, "test", "{}", SnapshotStatus.OK, null, 0), List.of(
                new SnapshotRow("atlas-70b", 1, 1100, 1050.0, 1150.0, 64.0, 57.0, 71.0, 50, 400.0, 58.0, 51.0, 65.0),
                new SnapshotRow("delta-mini", 2, 1000, null, null, 50.0, null, null, 50, 120.0, 50.0, null, null)));
        page.navigate(site.url("/leaderboard?board=models&source=baseline:set:fair:vs:delta-mini"));
        assertThat(page.locator("th.score-col").last()).isVisible();
        assertThat(page.locator("#rows tr").first()).containsText("58.0 %");
        assertThat(page.locator("#style-filter")).isHidden();
        pageErrors.removeIf(e -> e.contains("404"));   // the style-controlled board that does not exist
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void fitsAPhoneScreen() {
        Page p = phonePage();
        p.navigate(site.url("/leaderboard?board=models"));
        assertThat(p.locator("#rows tr")).hasCount(4);
        assertFitsPhoneWidth(p);
        assertThat(((Number) p.evaluate("document.querySelector('#chart').getBoundingClientRect().right")).doubleValue())
                .isLessThanOrEqualTo(375);
        screenshot(p, "phone");
        // issue 12, item 5: the columns a phone hides can be shown (the table then scrolls sideways, not the page)
        assertThat(p.locator("th", new Page.LocatorOptions().setHasText("Organisation"))).isHidden();
        p.locator("#all-columns").click();
        assertThat(p.locator("#all-columns")).hasAttribute("aria-pressed", "true");
        assertThat(p.locator("th", new Page.LocatorOptions().setHasText("Organisation"))).isVisible();
        assertThat(p.locator("#rows tr").first()).containsText("Atlas Labs");
        assertFitsPhoneWidth(p);
        screenshot(p, "phone-all-columns");
    }
}
