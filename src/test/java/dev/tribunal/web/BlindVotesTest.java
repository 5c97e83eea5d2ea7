package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.arena.VoteRules;
import dev.tribunal.store.Round;
import dev.tribunal.store.VoteFlag;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next hole of the kind issue 8 found: stored critiques are dealt again and again, and every reveal names the
 * judges of the two critiques just voted on, so a voter who keeps what reveals told them could name the judges of a
 * later round before voting (scripts/attack-arena counted it). The arena deals a voter no critique already revealed
 * to them, and a vote on a round that shows one anyway is kept but flagged {@code not_blind}.
 */
class BlindVotesTest {

    @TempDir
    Path dir;

    private ServiceSettings blindOnly() {
        return RunningService.settings(dir.resolve("web")).withVoteRules(new VoteRules(Duration.ZERO, 0, 20, 0, true));
    }

    @Test
    void aVoterIsNotDealtACritiqueWhoseJudgeAnEarlierRevealNamed() {
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir), blindOnly(), Clock.systemUTC())) {
            HttpSession browser = service.newBrowser();
            Set<Long> revealed = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
                HttpResponse<String> vote = browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"tie\"}");
                assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
                Round round = service.db().rounds().byId(id).orElseThrow().round();
                assertThat(revealed).as("round %d shows a critique revealed to this voter before", i)
                        .doesNotContain(round.evalAId(), round.evalBId());
                assertThat(service.db().votes().byRound(id).orElseThrow().flag()).isNull();
                revealed.add(round.evalAId());
                revealed.add(round.evalBId());
            }
            assertThat(service.db().votes().evaluationsRevealedTo(RunningService.voterHash(browser)))
                    .containsExactlyInAnyOrderElementsOf(revealed);
        }
    }

    @Test
    void aVoteOnARoundShowingARevealedCritiqueIsKeptButFlaggedNotBlind() {
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir), blindOnly(), Clock.systemUTC())) {
            HttpSession browser = service.newBrowser();
            String first = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            JsonNode reveal = HttpSession.json(browser.postJson("/api/rounds/" + first + "/vote", "{\"choice\":\"A\"}"));
            assertThat(reveal.at("/judges/A/name").asText()).isNotBlank();
            Round seen = service.db().rounds().byId(first).orElseThrow().round();

            // a round that shows the same critiques again (what a regenerated round or an exhausted pool can deal)
            Instant now = Instant.now();
            service.db().rounds().insert(new Round("again", seen.sampleId(), seen.evalBId(), seen.evalAId(),
                    RunningService.voterHash(browser), now, now.plus(Duration.ofMinutes(30))));
            HttpResponse<String> vote = browser.postJson("/api/rounds/again/vote", "{\"choice\":\"B\"}");
            assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
            assertThat(service.db().votes().byRound("again").orElseThrow().flag()).isEqualTo(VoteFlag.NOT_BLIND);
            assertThat(service.db().votes().byRound(first).orElseThrow().flag()).isNull();

            // kept, and left out of the board: one counted vote
            service.service().scheduler().refreshNow();
            JsonNode board = HttpSession.json(browser.get("/api/leaderboards/judges?source=arena"));
            assertThat(board.get("battles").asLong()).isEqualTo(1);
            assertThat(board.get("excluded_votes").asLong()).isEqualTo(1);
        }
    }

    @Test
    void withTheRuleOffNothingIsFlagged() {
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir),
                RunningService.settings(dir.resolve("web")), Clock.systemUTC())) {
            HttpSession browser = service.newBrowser();
            String first = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            browser.postJson("/api/rounds/" + first + "/vote", "{\"choice\":\"A\"}");
            Round seen = service.db().rounds().byId(first).orElseThrow().round();
            Instant now = Instant.now();
            service.db().rounds().insert(new Round("again", seen.sampleId(), seen.evalAId(), seen.evalBId(),
                    RunningService.voterHash(browser), now, now.plus(Duration.ofMinutes(30))));
            assertThat(browser.postJson("/api/rounds/again/vote", "{\"choice\":\"A\"}").statusCode()).isEqualTo(200);
            assertThat(service.db().votes().byRound("again").orElseThrow().flag()).isNull();
        }
    }
}
