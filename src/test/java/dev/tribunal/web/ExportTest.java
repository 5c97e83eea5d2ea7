package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.store.Database;
import dev.tribunal.store.Round;
import dev.tribunal.store.Sample;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
                Round round = service.db().rounds().byId(rounds.get(i)).orElseThrow();
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
                assertThat(vote.at("/judge_a/critique").asText())
                        .isEqualTo(service.db().evaluations().byId(round.evalAId()).orElseThrow().critique());
                assertThat(vote.at("/judge_a/verdict").asText()).isIn("A>B", "B>A", "A=B");
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
            for (String secret : secrets) assertThat(csv.body()).doesNotContain(secret);

            assertProblem(service.newBrowser().get("/api/export/votes?format=xml"), 400, "jsonl or csv");
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
