package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.arena.VoteRules;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Round;
import dev.tribunal.store.Vote;
import dev.tribunal.store.VoteChoice;
import dev.tribunal.store.VoteFlag;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 2: votes cast too fast, beyond the daily counted cap, by an anomalous voter, or voided by an admin are
 * kept with their battles but left out of the leaderboards, and the boards say how many they left out.
 */
class VoteHygieneTest {

    private static final String ADMIN = "Bearer " + RunningService.ADMIN_TOKEN;

    @TempDir
    Path dir;

    @Test
    void tooFastAndOverTheDailyCapAreKeptButLeftOutAndCounted() {
        MutableClock clock = new MutableClock(Instant.now());
        ServiceSettings settings = RunningService.settings(dir.resolve("web"))
                .withVoteRules(new VoteRules(Duration.ofSeconds(3), 3, 20, 0, false));
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir), settings, clock)) {
            HttpSession browser = service.newBrowser();
            List<String> rounds = new ArrayList<>();
            // dealt and voted within a second: nobody reads two critiques that fast
            rounds.add(vote(browser, clock, Duration.ofSeconds(1)));
            // then at five-second intervals: a normal visitor, counted until the cap of 3 a day
            for (int i = 0; i < 3; i++) rounds.add(vote(browser, clock, Duration.ofSeconds(5)));
            List<VoteFlag> flags = rounds.stream().map(id -> service.db().votes().byRound(id).orElseThrow().flag()).toList();
            assertThat(flags).containsExactly(VoteFlag.TOO_FAST, null, null, VoteFlag.DAILY_CAP);
            // kept, with their battles
            assertThat(service.db().votes().count()).isEqualTo(4);
            assertThat(arenaBattles(service.db())).isEqualTo(4);

            service.service().scheduler().refreshNow();
            JsonNode board = HttpSession.json(browser.get("/api/leaderboards/judges?source=arena"));
            assertThat(board.get("battles").asLong()).isEqualTo(2);
            assertThat(board.get("excluded_votes").asLong()).isEqualTo(2);
            HttpResponse<String> csv = browser.get("/api/leaderboards/judges?source=arena&format=csv");
            assertThat(csv.headers().firstValue("Tribunal-Excluded-Votes")).contains("2");
            assertThat(csv.body().lines().findFirst().orElseThrow()).endsWith(",preliminary,excluded_votes");
            assertThat(csv.body().lines().skip(1).toList()).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(",2"));

            // a day later the cap starts again
            clock.advance(Duration.ofDays(1));
            String next = vote(browser, clock, Duration.ofSeconds(5));
            assertThat(service.db().votes().byRound(next).orElseThrow().flag()).isNull();
        }
    }

    @Test
    void aPersonVotingTenTimesAtFiveSecondIntervalsIsANormalVisitorUnderTheDefaults() {
        MutableClock clock = new MutableClock(Instant.now());
        ServiceSettings settings = RunningService.settings(dir.resolve("web"))
                .withVoteRules(new VoteRules(Duration.ofSeconds(3), 200, 20, 1e-6, false));
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir), settings, clock)) {
            HttpSession browser = service.newBrowser();
            List<String> rounds = new ArrayList<>();
            for (int i = 0; i < 10; i++) rounds.add(vote(browser, clock, Duration.ofSeconds(5)));
            service.service().scheduler().refreshNow();
            rounds.forEach(id -> assertThat(service.db().votes().byRound(id).orElseThrow().flag()).isNull());
            JsonNode board = HttpSession.json(browser.get("/api/leaderboards/judges?source=arena"));
            assertThat(board.get("battles").asLong()).isEqualTo(10);
            assertThat(board.get("excluded_votes").asLong()).isZero();
        }
    }

    @Test
    void aVoterWhoAlwaysPicksTheCrowdsLoserIsFlaggedAnomalousAndClearedWhenTheCrowdChanges() {
        ServiceSettings settings = RunningService.settings(dir.resolve("web"))
                .withVoteRules(new VoteRules(Duration.ZERO, 0, 20, 1e-6, false));
        try (RunningService service = RunningService.start(dir, settings)) {
            Votes votes = new Votes(service.db());
            // four voters who prefer the alphabetically earlier judge of every pair, 30 votes each
            for (int v = 0; v < 4; v++) votes.cast("crowd-" + v, 30, true);
            // and one who always picks the other
            List<String> contrarian = votes.cast("contrarian", 30, false);

            HttpResponse<String> refresh = service.newBrowser().post("/api/admin/refresh", null, "Authorization", ADMIN);
            assertThat(refresh.statusCode()).isEqualTo(200);
            contrarian.forEach(id -> assertThat(votes.flag(id)).isEqualTo(VoteFlag.ANOMALOUS));
            assertThat(votes.flagged("crowd-")).isZero();
            JsonNode board = HttpSession.json(service.newBrowser().get("/api/leaderboards/judges?source=arena"));
            assertThat(board.get("battles").asLong()).isEqualTo(120);
            assertThat(board.get("excluded_votes").asLong()).isEqualTo(30);
            assertThat(arenaBattles(service.db())).as("kept").isEqualTo(150);

            // the crowd turns: now the contrarian agrees with most voters, and is counted again
            for (int v = 0; v < 5; v++) votes.cast("newcomer-" + v, 40, false);
            service.service().scheduler().refreshNow();
            contrarian.forEach(id -> assertThat(votes.flag(id)).isNull());
            assertThat(votes.flagged("newcomer-")).isZero();
        }
    }

    @Test
    void anAdminVoidsAVotersOrATimeWindowsVotesIdempotently() {
        MutableClock clock = new MutableClock(Instant.now());
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir),
                RunningService.settings(dir.resolve("web")), clock)) {
            HttpSession stuffer = service.newBrowser();
            List<String> stuffed = new ArrayList<>();
            for (int i = 0; i < 3; i++) stuffed.add(vote(stuffer, clock, Duration.ofSeconds(10)));
            clock.advance(Duration.ofHours(1));
            HttpSession other = service.newBrowser();
            String otherVote = vote(other, clock, Duration.ofSeconds(10));
            String lateVote = vote(other, clock, Duration.ofMinutes(40));
            HttpSession admin = service.newBrowser();

            assertProblem(admin.postJson("/api/admin/votes/void", "{\"round\":\"" + stuffed.get(1) + "\"}"), 401, "Bearer");
            JsonNode first = voidVotes(admin, "{\"round\":\"" + stuffed.get(1) + "\"}", 200);
            assertThat(first.get("voided").asLong()).isEqualTo(3);
            assertThat(first.get("newly_voided").asLong()).isEqualTo(3);
            JsonNode again = voidVotes(admin, "{\"round\":\"" + stuffed.get(1) + "\"}", 200);
            assertThat(again.get("voided").asLong()).isEqualTo(3);
            assertThat(again.get("newly_voided").asLong()).isZero();
            stuffed.forEach(id -> assertThat(service.db().votes().byRound(id).orElseThrow().flag()).isEqualTo(VoteFlag.VOIDED));
            assertThat(service.db().votes().byRound(otherVote).orElseThrow().flag()).isNull();

            // a window: [from, to)
            Instant at = service.db().votes().byRound(otherVote).orElseThrow().createdAt();
            JsonNode window = voidVotes(admin, "{\"from\":\"" + at + "\",\"to\":\"" + at.plusSeconds(1) + "\"}", 200);
            assertThat(window.get("voided").asLong()).isEqualTo(1);
            assertThat(service.db().votes().byRound(otherVote).orElseThrow().flag()).isEqualTo(VoteFlag.VOIDED);
            assertThat(service.db().votes().byRound(lateVote).orElseThrow().flag()).isNull();

            assertProblem(voidRaw(admin, "{\"round\":\"x\",\"voter\":\"y\"}"), 400, "'voter'");
            assertProblem(voidRaw(admin, "{}"), 400, "'round'");
            assertProblem(voidRaw(admin, "{\"round\":\"" + stuffed.get(0) + "\",\"from\":\"" + at + "\"}"), 400, "either");
            assertProblem(voidRaw(admin, "{\"from\":\"yesterday\",\"to\":\"" + at + "\"}"), 400, "'from'");
            assertProblem(voidRaw(admin, "{\"from\":\"" + at + "\"}"), 400, "'to'");
            assertProblem(voidRaw(admin, "{\"from\":\"" + at + "\",\"to\":\"" + at + "\"}"), 400, "before");
            assertProblem(voidRaw(admin, "{\"round\":\"no-such-round\"}"), 404, "no-such-round");

            service.service().scheduler().refreshNow();
            JsonNode board = HttpSession.json(admin.get("/api/leaderboards/judges?source=arena"));
            assertThat(board.get("battles").asLong()).isEqualTo(1);
            assertThat(board.get("excluded_votes").asLong()).isEqualTo(4);
            assertThat(service.db().votes().count()).isEqualTo(5);
        }
    }

    private static JsonNode voidVotes(HttpSession admin, String body, int status) {
        HttpResponse<String> response = voidRaw(admin, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return HttpSession.json(response);
    }

    private static HttpResponse<String> voidRaw(HttpSession admin, String body) {
        return admin.post("/api/admin/votes/void", body, "Content-Type", "application/json", "Authorization", ADMIN);
    }

    /** Deals a round, waits {@code readFor}, votes A; returns the round id. */
    private static String vote(HttpSession browser, MutableClock clock, Duration readFor) {
        String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
        clock.advance(readFor);
        HttpResponse<String> vote = browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}");
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
        return id;
    }

    private static long arenaBattles(Database db) {
        return db.battles().count(BattleFilter.of(ContestantKind.JUDGE).withSource("arena"));
    }

    /** Votes written straight to the store, on the template's samples, with a known winner. */
    private static final class Votes {
        private final Database db;
        private final List<Evaluation[]> pairs = new ArrayList<>();
        private final Map<Long, String> judges = new HashMap<>();
        private final Map<String, String> voterOf = new HashMap<>();
        private int next;

        Votes(Database db) {
            this.db = db;
            for (long sample : db.samples().idsWithJudges(2).subList(0, 40)) {
                List<Evaluation> evaluations = db.evaluations().forSample(sample);
                for (int i = 0; i + 1 < evaluations.size(); i += 2) {
                    pairs.add(new Evaluation[] {evaluations.get(i), evaluations.get(i + 1)});
                }
            }
            for (var j : db.contestants().list(ContestantKind.JUDGE)) judges.put(j.id(), j.name());
        }

        /** {@code n} decisive votes; the winner is the alphabetically earlier judge when {@code earlierWins}. */
        List<String> cast(String voter, int n, boolean earlierWins) {
            List<String> ids = new ArrayList<>();
            Instant at = Instant.now();
            for (int i = 0; i < n; i++) {
                Evaluation[] pair = pairs.get(next++ % pairs.size());
                String a = judges.get(pair[0].judgeId());
                String b = judges.get(pair[1].judgeId());
                boolean aWins = (a.compareTo(b) < 0) == earlierWins;
                String id = "seeded-" + next;
                db.rounds().insert(new Round(id, pair[0].sampleId(), pair[0].id(), pair[1].id(), voter, at,
                        at.plusSeconds(1800)));
                db.votes().record(new Vote(id, aWins ? VoteChoice.A : VoteChoice.B, voter, at),
                        BattleRow.of(ContestantKind.JUDGE, a, b, aWins ? 1 : 0, "arena", null).withCreatedAt(at));
                voterOf.put(id, voter);
                ids.add(id);
            }
            return ids;
        }

        VoteFlag flag(String roundId) {
            return db.votes().byRound(roundId).orElseThrow().flag();
        }

        long flagged(String voterPrefix) {
            return voterOf.entrySet().stream().filter(e -> e.getValue().startsWith(voterPrefix))
                    .filter(e -> flag(e.getKey()) != null).count();
        }
    }
}
