package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Round;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import dev.tribunal.store.Vote;
import dev.tribunal.store.VoteChoice;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vote export through HTTP: complete, anonymous (pseudonyms drawn per export, no cookie, no hash, days not
 * times, an order that does not follow the time), streamed.
 */
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyVoteWithItsSampleAndJudgesUnderPseudonyms() throws Exception {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession first = service.newBrowser();
            HttpSession second = service.newBrowser();
            HttpSession[] voters = {first, second, first, second, first};
            String[] choices = {"A", "B", "tie", "both_bad", "A"};
            List<String> rounds = new ArrayList<>();
            List<JsonNode> reveals = new ArrayList<>();
            for (int i = 0; i < voters.length; i++) {
                String id = HttpSession.json(voters[i].post("/api/rounds", null)).get("round_id").asText();
                rounds.add(id);
                reveals.add(HttpSession.json(voters[i].postJson("/api/rounds/" + id + "/vote",
                        "{\"choice\":\"" + choices[i] + "\"}")));
            }
            List<String> secrets = secrets(service.db(), rounds, first, second);

            // the export's order: by UTC day, then by the (random) round id, so it says nothing about the time
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) order.add(i);
            order.sort(Comparator.comparing((Integer i) -> day(service.db(), rounds.get(i))).thenComparing(rounds::get));

            HttpResponse<String> jsonl = service.newBrowser().get("/api/export/votes?format=jsonl");
            assertThat(jsonl.statusCode()).isEqualTo(200);
            assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
            assertThat(jsonl.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            List<String> lines = jsonl.body().lines().toList();
            assertThat(lines).hasSize(5);
            Map<HttpSession, String> labels = new HashMap<>();
            for (int line = 0; line < lines.size(); line++) {
                int i = order.get(line);
                JsonNode vote = JSON.readTree(lines.get(line));
                Round round = service.db().rounds().byId(rounds.get(i)).orElseThrow().round();
                Sample sample = service.db().samples().byId(round.sampleId()).orElseThrow();
                // one label per voter within the export
                assertThat(vote.get("voter").asText()).matches("voter-[0-9a-f]{8}")
                        .isEqualTo(labels.computeIfAbsent(voters[i], b -> vote.get("voter").asText()));
                assertThat(vote.get("choice").asText()).isEqualTo(choices[i]);
                assertThat(vote.at("/sample/input").asText()).isEqualTo(sample.input());
                assertThat(vote.at("/sample/response_a").asText()).isEqualTo(sample.responseA());
                assertThat(vote.at("/sample/response_b").asText()).isEqualTo(sample.responseB());
                assertThat(vote.at("/judge_a/name").asText()).isEqualTo(reveals.get(i).at("/judges/A/name").asText());
                assertThat(vote.at("/judge_b/name").asText()).isEqualTo(reveals.get(i).at("/judges/B/name").asText());
                // every demo sample is still dealt: the judges are named, their critiques withheld (issue 8, item 1)
                for (String side : List.of("/judge_a", "/judge_b")) {
                    assertThat(vote.at(side + "/withheld").asBoolean()).isTrue();
                    assertThat(vote.at(side + "/critique").isNull()).isTrue();
                    assertThat(vote.at(side + "/verdict").isNull()).isTrue();
                    assertThat(vote.at(side + "/score").isNull()).isTrue();
                }
                String critique = service.db().evaluations().byId(round.evalAId()).orElseThrow().critique();
                // (some demo critiques are a bare class number such as "1", which any date in the export contains)
                if (critique.length() >= 20) assertThat(jsonl.body()).doesNotContain(critique);
                String winner = switch (choices[i]) {
                    case "A" -> vote.at("/judge_a/name").asText();
                    case "B" -> vote.at("/judge_b/name").asText();
                    default -> choices[i];
                };
                assertThat(vote.get("winner").asText()).isEqualTo(winner);
                assertThat(vote.get("day").asText()).isEqualTo(day(service.db(), rounds.get(i)).toString());
                assertThat(vote.has("time")).isFalse();
            }
            assertThat(labels).hasSize(2);
            assertThat(labels.get(first)).isNotEqualTo(labels.get(second));
            for (String secret : secrets) assertThat(jsonl.body()).doesNotContain(secret);

            HttpResponse<String> csv = service.newBrowser().get("/api/export/votes?format=csv");
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body())).getRecords();
            assertThat(records).extracting(r -> r.get("choice")).containsExactlyElementsOf(
                    order.stream().map(i -> choices[i]).toList());
            assertThat(records).extracting(r -> r.get("day")).allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"));
            assertThat(records.getFirst().get("judge_a"))
                    .isEqualTo(reveals.get(order.getFirst()).at("/judges/A/name").asText());
            // the same voters, newly labelled: nothing joins this export to the first one
            Map<HttpSession, String> csvLabels = new HashMap<>();
            for (int line = 0; line < records.size(); line++) {
                String label = records.get(line).get("voter");
                assertThat(label).isEqualTo(csvLabels.computeIfAbsent(voters[order.get(line)], b -> label));
            }
            assertThat(csvLabels.values()).hasSize(2).doesNotContainAnyElementsOf(labels.values());
            assertThat(records).allSatisfy(r -> {
                assertThat(r.get("judge_a_withheld")).isEqualTo("true");
                assertThat(r.get("judge_a_critique")).isEmpty();
                assertThat(r.get("judge_b_verdict")).isEmpty();
            });
            for (String secret : secrets) assertThat(csv.body()).doesNotContain(secret);

            assertProblem(service.newBrowser().get("/api/export/votes?format=xml"), 400, "jsonl or csv");
        }
    }

    @Test
    void flaggedVotesAreExportedWithTheirFlagAsNotCounted() throws Exception {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession counted = service.newBrowser();
            HttpSession voided = service.newBrowser();
            for (HttpSession browser : List.of(counted, voided)) {
                String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
                assertThat(browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}").statusCode())
                        .isEqualTo(200);
            }
            service.db().votes().voidVoter(RunningService.voterHash(voided));
            List<JsonNode> votes = new ArrayList<>();
            for (String line : service.newBrowser().get("/api/export/votes").body().lines().toList()) {
                votes.add(JSON.readTree(line));
            }
            assertThat(votes).extracting(v -> v.get("counted").asBoolean()).containsExactlyInAnyOrder(true, false);
            assertThat(votes).extracting(v -> v.get("flag").isNull() ? null : v.get("flag").asText())
                    .containsExactlyInAnyOrder(null, "voided");
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(service.newBrowser().get("/api/export/votes?format=csv").body())).getRecords();
            assertThat(records).extracting(r -> r.get("counted") + "/" + r.get("flag"))
                    .containsExactlyInAnyOrder("true/", "false/voided");
        }
    }

    @Test
    void critiquesTheArenaNoLongerDealsAreExportedInFull() throws Exception {
        try (RunningService service = RunningService.start(dir)) {
            Database db = service.db();
            // a sample with one parsed critique: it can never be dealt, so nothing about it is secret
            Sample sample = db.samples().insert(Sample.pair("retired input", "a", "b", "m1", "m2",
                    SampleSource.CUSTOM, null));
            long gpt4 = db.contestants().find(ContestantKind.JUDGE, "gpt4").orElseThrow().id();
            long bard = db.contestants().find(ContestantKind.JUDGE, "bard").orElseThrow().id();
            Evaluation ok = db.evaluations().insert(Evaluation.verdict(sample.id(), gpt4, "A>B", "retired critique", "v1"));
            Evaluation bad = db.evaluations().insert(new Evaluation(0, sample.id(), bard, null, null, "garbled", "v1",
                    null, "garbled", ParseStatus.UNPARSEABLE, null, null, null, null, null));
            Instant now = Instant.now();
            db.rounds().insert(new Round("retired-round", sample.id(), ok.id(), bad.id(), "voter", now,
                    now.plusSeconds(60)));
            db.votes().record(new Vote("retired-round", VoteChoice.A, "voter", now), null);

            JsonNode vote = JSON.readTree(service.newBrowser().get("/api/export/votes").body().lines()
                    .filter(l -> l.contains("retired input")).findFirst().orElseThrow());
            assertThat(vote.at("/judge_a/name").asText()).isEqualTo("gpt4");
            assertThat(vote.at("/judge_a/withheld").asBoolean()).isFalse();
            assertThat(vote.at("/judge_a/critique").asText()).isEqualTo("retired critique");
            assertThat(vote.at("/judge_a/verdict").asText()).isEqualTo("A>B");
            assertThat(vote.at("/judge_b/critique").asText()).isEqualTo("garbled");
        }
    }

    @Test
    void aLargeExportIsStreamedNotBuffered() {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession browser = service.newBrowser();
            for (int i = 0; i < 300; i++) {
                String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
                browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"tie\"}");
            }
            HttpResponse<String> export = browser.get("/api/export/votes");
            assertThat(export.body().lines()).hasSize(300);
            // the body was sent in chunks as it was written, without a length known up front
            assertThat(export.headers().firstValue("Content-Length")).isEmpty();
            assertThat(export.headers().firstValue("Transfer-Encoding")).contains("chunked");
        }
    }

    private static LocalDate day(Database db, String round) {
        return LocalDate.ofInstant(db.votes().byRound(round).orElseThrow().createdAt(), ZoneOffset.UTC);
    }

    /** What must never appear in an export: the browsers' cookie ids, the voter hashes, the round ids. */
    private static List<String> secrets(Database db, List<String> rounds, HttpSession... browsers) {
        List<String> secrets = new ArrayList<>();
        for (HttpSession browser : browsers) {
            for (HttpCookie cookie : browser.cookies().getCookieStore().getCookies()) secrets.add(cookie.getValue());
        }
        for (String round : rounds) {
            secrets.add(round);
            secrets.add(db.votes().byRound(round).orElseThrow().voterHash());
        }
        assertThat(secrets).hasSize(2 + 2 * rounds.size()).doesNotContainNull();
        return secrets;
    }
}
