package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.ReportDao.LabelTally;
import dev.tribunal.store.Round;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 4: the reveal says how people judged the two responses themselves where the store has their labels
 * (the demo's human votes), oriented to the round's response A and B; a sample nobody labelled says nothing.
 */
class RevealPeopleVotesTest {

    @TempDir
    Path dir;

    @Test
    void theRevealCountsPeoplesOwnVotesOnTheTwoResponses() {
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir),
                RunningService.settings(dir.resolve("web")), Clock.systemUTC())) {
            HttpSession browser = service.newBrowser();
            browser.post("/api/rounds", null);   // the server issues this browser its voter id
            // a demo sample people labelled, dealt to this browser
            long labelled = -1;
            LabelTally expected = null;
            for (long sampleId : service.db().samples().idsWithJudges(2)) {
                LabelTally t = service.db().reports().labelsOf(sampleId);
                if (t.total() > 0) {
                    labelled = sampleId;
                    expected = t;
                    break;
                }
            }
            assertThat(labelled).as("the template has the demo's human labels").isPositive();
            JsonNode reveal = voteOn(service, browser, labelled, "r-labelled");
            assertThat(reveal.at("/people_votes/votes").asLong()).isEqualTo(expected.total());
            assertThat(reveal.at("/people_votes/a").asLong()).isEqualTo(expected.a());
            assertThat(reveal.at("/people_votes/b").asLong()).isEqualTo(expected.b());
            assertThat(reveal.at("/people_votes/tie").asLong()).isEqualTo(expected.tie());
            // a reload shows the same reveal
            assertThat(HttpSession.json(browser.get("/api/rounds/r-labelled")).at("/reveal/people_votes/votes").asLong())
                    .isEqualTo(expected.total());
        }
    }

    private static JsonNode voteOn(RunningService service, HttpSession browser, long sampleId, String roundId) {
        List<Evaluation> parsed = service.db().evaluations().forSample(sampleId).stream()
                .filter(e -> e.parseStatus() == ParseStatus.OK).toList();
        Instant now = Instant.now();
        service.db().rounds().insert(new Round(roundId, sampleId, parsed.get(0).id(), parsed.get(1).id(),
                RunningService.voterHash(browser), now, now.plus(Duration.ofMinutes(30))));
        return HttpSession.json(browser.postJson("/api/rounds/" + roundId + "/vote", "{\"choice\":\"tie\"}"));
    }
}
