package dev.tribunal.web;

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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile visitor of issue 8, item 1: scrape every public GET endpoint once (browse with every filter value,
 * questions, facets, both leaderboards in every source, the export in both formats, health), learn every link
 * between a critique — or a fingerprint of it: its text, its length, its verdict and score on its sample — and a
 * judge, then deal fresh rounds and name their judges before voting from what was learnt. Nothing public may
 * make that possible for a critique that can still be dealt: the scrape must name no judge of any dealt round.
 */
class ScrapeAndPredictTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 150;

    @TempDir
    Path dir;

    /** What the scrape learnt: fingerprint → the judges seen with it. */
    private final Map<String, Set<String>> judgesByFingerprint = new HashMap<>();
    /** Every critique text the scrape saw, with or without a judge. */
    private final Set<String> critiquesSeen = new HashSet<>();

    @Test
    void noPublicEndpointNamesTheJudgesOfARoundBeforeItsVote() throws Exception {
        try (RunningService service = RunningService.start(dir)) {
            // votes first, so that the export and the browse counts have something to give away
            HttpSession voter = service.newBrowser();
            for (int i = 0; i < 40; i++) {
                String id = HttpSession.json(voter.post("/api/rounds", null)).get("round_id").asText();
                voter.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"" + (i % 2 == 0 ? "A" : "B") + "\"}");
            }
            retiredSample(service.db());
            HttpSession scraper = service.newBrowser();
            scrape(scraper);
            assertThat(judgesByFingerprint).as("retired critiques are named").containsKey("text:" + RETIRED_CRITIQUE);

            int named = 0;
            int seen = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                JsonNode round = HttpSession.json(scraper.post("/api/rounds", null));
                String input = round.at("/sample/input").asText();
                Round stored = service.storedRound(round.get("round_id").asText());
                for (String side : List.of("A", "B")) {
                    if (critiquesSeen.contains(round.at("/judges/" + side + "/critique").asText())) seen++;
                    String predicted = predict(input, round.at("/judges/" + side));
                    if (predicted == null) continue;
                    named++;
                    String actual = judgeOf(service.db(), side.equals("A") ? stored.evalAId() : stored.evalBId());
                    if (examples.size() < 3) examples.add(side + " predicted " + predicted + ", was " + actual);
                }
            }
            assertThat(named).as("critiques of dealt rounds the public data names a judge for, e.g. " + examples)
                    .isZero();
            // not because the scrape missed them: browsing shows every one of them, without its judge
            assertThat(seen).isEqualTo(2 * ROUNDS);
        }
    }

    private static final String RETIRED_CRITIQUE = "a critique the arena can no longer deal";

    /** A sample with one parsed critique (never dealt), voted on: browse and the export may name its judges. */
    private static void retiredSample(Database db) {
        Sample sample = db.samples().insert(Sample.pair("retired input", "a", "b", "m1", "m2", SampleSource.CUSTOM,
                null));
        long gpt4 = db.contestants().find(ContestantKind.JUDGE, "gpt4").orElseThrow().id();
        long bard = db.contestants().find(ContestantKind.JUDGE, "bard").orElseThrow().id();
        Evaluation ok = db.evaluations().insert(Evaluation.verdict(sample.id(), gpt4, "A>B", RETIRED_CRITIQUE, "v1"));
        Evaluation bad = db.evaluations().insert(new Evaluation(0, sample.id(), bard, null, null, "garbled", "v1",
                null, "garbled", ParseStatus.UNPARSEABLE, null, null, null, null, null));
        Instant now = Instant.now();
        db.rounds().insert(new Round("retired-round", sample.id(), ok.id(), bad.id(), "voter", now, now.plusSeconds(60)));
        db.votes().record(new Vote("retired-round", VoteChoice.A, "voter", now), null);
    }

    private void scrape(HttpSession http) throws Exception {
        JsonNode facets = ok(http.get("/api/browse/facets"));
        List<String> filters = new ArrayList<>(List.of(""));
        for (JsonNode judge : facets.get("judges")) filters.add("judge=" + encode(judge.get("name").asText()));
        for (JsonNode model : facets.get("models")) filters.add("model=" + encode(model.get("name").asText()));
        for (String filter : filters) {
            for (int page = 1; ; page++) {
                JsonNode found = ok(http.get("/api/samples?size=50&page=" + page + "&" + filter));
                String judgeFilter = filter.startsWith("judge=") ? filter.substring(6) : null;
                for (JsonNode sample : found.get("items")) learnSample(sample, judgeFilter);
                if (page * 50L >= found.get("total").asLong()) break;
            }
        }
        for (int page = 1; ; page++) {
            JsonNode found = ok(http.get("/api/questions?size=50&page=" + page));
            for (JsonNode q : found.get("items")) {
                for (JsonNode j : q.get("judgments")) learn(q.get("prompt").asText(), text(j, "judge"), j);
            }
            if (page * 50L >= found.get("total").asLong()) break;
        }
        for (String kind : List.of("judges", "models")) {
            JsonNode board = ok(http.get("/api/leaderboards/" + kind));
            for (JsonNode source : board.get("sources")) {
                http.get("/api/leaderboards/" + kind + "?source=" + encode(source.asText()));
            }
        }
        ok(http.get("/api/health"));
        for (String line : http.get("/api/export/votes?format=jsonl").body().lines().toList()) {
            JsonNode vote = JSON.readTree(line);
            String input = vote.at("/sample/input").asText();
            learn(input, text(vote.get("judge_a"), "name"), vote.get("judge_a"));
            learn(input, text(vote.get("judge_b"), "name"), vote.get("judge_b"));
        }
        String csv = http.get("/api/export/votes?format=csv").body();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            for (String side : List.of("judge_a", "judge_b")) {
                learn(r.get("input"), r.get(side), r.get(side + "_critique"), r.get(side + "_verdict"),
                        r.get(side + "_score"));
            }
        }
    }

    private void learnSample(JsonNode sample, String judgeFilter) {
        String input = sample.get("input").asText();
        List<JsonNode> evaluations = new ArrayList<>();
        sample.get("evaluations").forEach(evaluations::add);
        for (JsonNode e : evaluations) learn(input, text(e, "judge"), e);
        // a judge filter that keeps a sample with one critique says whose it is
        if (judgeFilter != null && evaluations.size() == 1) {
            learn(input, java.net.URLDecoder.decode(judgeFilter, StandardCharsets.UTF_8), evaluations.getFirst());
        }
    }

    private void learn(String input, String judge, JsonNode critique) {
        learn(input, judge, text(critique, "critique"), text(critique, "verdict"), text(critique, "score"));
    }

    private void learn(String input, String judge, String critique, String verdict, String score) {
        if (critique != null) critiquesSeen.add(critique);
        if (judge == null || judge.isEmpty()) return;
        for (String fingerprint : fingerprints(input, critique, verdict, score)) {
            judgesByFingerprint.computeIfAbsent(fingerprint, k -> new HashSet<>()).add(judge);
        }
    }

    /** The judge the scrape names for this critique of this sample, when exactly one judge fits. */
    private String predict(String input, JsonNode critique) {
        for (String fingerprint : fingerprints(input, text(critique, "critique"), text(critique, "verdict"),
                text(critique, "score"))) {
            Set<String> judges = judgesByFingerprint.get(fingerprint);
            if (judges != null && judges.size() == 1) return judges.iterator().next();
        }
        return null;
    }

    private static List<String> fingerprints(String input, String critique, String verdict, String score) {
        List<String> fingerprints = new ArrayList<>();
        if (critique != null && !critique.isEmpty()) {
            fingerprints.add("text:" + critique);
            fingerprints.add("length:" + input + "\u0000" + critique.length());
        }
        if ((verdict != null && !verdict.isEmpty()) || (score != null && !score.isEmpty())) {
            fingerprints.add("verdict:" + input + "\u0000" + verdict + "\u0000" + score);
        }
        return fingerprints;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) return null;
        return node.get(field).asText();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpSession.json(response);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String judgeOf(Database db, long evaluationId) {
        long judgeId = db.evaluations().byId(evaluationId).orElseThrow().judgeId();
        return db.contestants().byId(judgeId).orElseThrow().name();
    }
}
