package dev.tribunal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The export writes as it reads, and what it writes cannot be joined with another export or with a vote's
 * time known from outside: pseudonyms drawn afresh per export, times cut to the UTC day.
 */
class VoteExportTest {

    private static final int VOTES = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] VOTERS = {"hash-x", "hash-y", "hash-x", "hash-z", "hash-y", "hash-x"};

    @Test
    void writesWhileTheSourceIsStillStreaming() throws Exception {
        AtomicLong written = new AtomicLong();
        long[] writtenAtHalfway = {-1};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                written.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.addAndGet(len);
            }
        };
        VoteExport export = new VoteExport(sink -> {
            for (int i = 0; i < VOTES; i++) {
                if (i == VOTES / 2) writtenAtHalfway[0] = written.get();
                sink.accept(vote(i));
            }
        });
        long count = export.write(ExportFormat.JSONL, counting);
        assertThat(count).isEqualTo(VOTES);
        // at least the first third of the file was out before the second half of the votes existed
        assertThat(writtenAtHalfway[0]).isGreaterThan(written.get() / 3);
    }

    @Test
    void pseudonymsHoldWithinOneExportAndAreNeverReusedByAnother() throws Exception {
        VoteExport export = new VoteExport(sink -> {
            for (int i = 0; i < VOTERS.length; i++) sink.accept(vote(i, VOTERS[i]));
        });
        Map<String, String> first = labels(jsonLines(export).stream().map(v -> v.get("voter").asText()).toList());
        Map<String, String> second = labels(csv(export).stream().map(r -> r.get("voter")).toList());
        Map<String, String> third = labels(jsonLines(export).stream().map(v -> v.get("voter").asText()).toList());
        for (Map<String, String> labels : List.of(first, second, third)) {
            assertThat(labels).containsOnlyKeys("hash-x", "hash-y", "hash-z");
            assertThat(labels.values()).doesNotHaveDuplicates().allMatch(l -> l.matches("voter-[0-9a-f]{8}"));
        }
        // no label of one export names anyone in another: the exports cannot be joined on the voter
        assertThat(first.values()).doesNotContainAnyElementsOf(second.values()).doesNotContainAnyElementsOf(third.values());
        assertThat(second.values()).doesNotContainAnyElementsOf(third.values());
    }

    @Test
    void timesAreCutToTheUtcDay() throws Exception {
        Instant[] times = {Instant.parse("2026-11-29T23:59:59.999Z"), Instant.parse("2026-11-30T00:00:00.001Z"),
                Instant.parse("2026-11-30T13:14:15.161Z")};
        VoteExport export = new VoteExport(sink -> {
            for (int i = 0; i < times.length; i++) sink.accept(vote(i, "hash-x", times[i]));
        });
        assertThat(jsonLines(export)).extracting(v -> v.get("day").asText())
                .containsExactly("2026-11-29", "2026-11-30", "2026-11-30");
        assertThat(jsonLines(export)).allSatisfy(v -> assertThat(v.has("time")).isFalse());
        assertThat(csv(export)).extracting(r -> r.get("day")).containsExactly("2026-11-29", "2026-11-30", "2026-11-30");
        String all = text(export, ExportFormat.JSONL) + text(export, ExportFormat.CSV);
        assertThat(all).doesNotContain("23:59").doesNotContain("13:14").doesNotContain("T00:00");
    }

    /**
     * The report card can be recomputed from the export: each judgement says which position its verdict prefers
     * (first = response A as shown); a withheld critique (still dealt in the arena) says nothing, not even that.
     */
    @Test
    void eachJudgementSaysWhichPositionItPrefersUnlessWithheld() throws Exception {
        VoteExport export = new VoteExport(sink -> {
            sink.accept(vote(0, "hash-x"));
            sink.accept(new ExportedVote(Instant.EPOCH, "hash-y", "B", "generic", "pair", "input", null, "a", "b", null,
                    null, "gpt4", "claude", new ExportedVote.Judgement("gpt4", "OpenAI", "A=B", null, "c"),
                    ExportedVote.Judgement.withheld("claude", "Anthropic")));
        });
        List<JsonNode> json = jsonLines(export);
        assertThat(json.get(0).get("judge_a").get("preferred_position").asText()).isEqualTo("first");
        assertThat(json.get(0).get("judge_b").get("preferred_position").asText()).isEqualTo("second");
        assertThat(json.get(1).get("judge_a").get("preferred_position").asText()).isEqualTo("tie");
        assertThat(json.get(1).get("judge_b").get("preferred_position").isNull()).isTrue();
        List<CSVRecord> rows = csv(export);
        assertThat(rows.get(0).get("judge_a_preferred_position")).isEqualTo("first");
        assertThat(rows.get(0).get("judge_b_preferred_position")).isEqualTo("second");
        assertThat(rows.get(1).get("judge_b_preferred_position")).isEmpty();
    }

    /** voter key → the one label it got in this export (fails if a key got two). */
    private static Map<String, String> labels(List<String> written) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            String before = labels.putIfAbsent(VOTERS[i], written.get(i));
            if (before != null) assertThat(written.get(i)).as("the label of " + VOTERS[i]).isEqualTo(before);
        }
        assertThat(String.join(",", written)).doesNotContain("hash-");
        return labels;
    }

    private static List<JsonNode> jsonLines(VoteExport export) throws Exception {
        List<JsonNode> votes = new ArrayList<>();
        for (String line : text(export, ExportFormat.JSONL).lines().toList()) votes.add(JSON.readTree(line));
        return votes;
    }

    private static List<CSVRecord> csv(VoteExport export) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text(export, ExportFormat.CSV))).getRecords();
    }

    private static String text(VoteExport export, ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ExportedVote vote(int i) {
        return vote(i, "voter-hash-" + (i % 1000));
    }

    private static ExportedVote vote(int i, String voterKey) {
        return vote(i, voterKey, Instant.ofEpochSecond(1_700_000_000L + i));
    }

    private static ExportedVote vote(int i, String voterKey, Instant time) {
        return new ExportedVote(time, voterKey, "A", "generic",
                "pair", "input " + i, null, "response a " + i, "response b " + i, null, null, "gpt4", "claude",
                new ExportedVote.Judgement("gpt4", "OpenAI", "A>B", null, "critique a " + i),
                new ExportedVote.Judgement("claude", "Anthropic", "B>A", null, "critique b " + i));
    }
}
