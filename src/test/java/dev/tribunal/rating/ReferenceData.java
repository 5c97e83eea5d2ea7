package dev.tribunal.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The public data of REFERENCE.md, read from the test resources as battles (the row index is the time). */
final class ReferenceData {
    static final String HAIKU = "claude-3-haiku-20240307";
    static final String SONNET = "claude-3-5-sonnet-20240620";
    static final String GPT_4O = "gpt-4o";
    static final String GPT_4O_MINI = "gpt-4o-mini";
    static final String OPUS = "claude-3-opus-20240229";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceData() {
    }

    /** arena_hard_battles_74e8b6f.jsonl in file order: model_a wins = 1, model_b wins = 0, tie = ½. */
    static List<Battle> arenaHardBattles() {
        return arenaHard(false);
    }

    /** The same battles with REFERENCE.md §3's synthetic answer styles of row i. */
    static List<Battle> arenaHardBattlesWithStyle() {
        return arenaHard(true);
    }

    private static List<Battle> arenaHard(boolean style) {
        List<Battle> battles = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader("arena-hard-v0.1/arena_hard_battles_74e8b6f.jsonl"))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode row = JSON.readTree(line);
                int i = battles.size();
                double outcome = switch (row.get("winner").asText()) {
                    case "model_a" -> 1;
                    case "model_b" -> 0;
                    case "tie" -> 0.5;
                    default -> throw new IllegalStateException("unknown winner in " + line);
                };
                AnswerStyle a = style ? new AnswerStyle(100 + (37 * i % 500), i % 3, 11 * i % 9, 17 * i % 4) : null;
                AnswerStyle b = style ? new AnswerStyle(100 + (53 * i % 700), 7 * i % 5, 13 * i % 10, 19 * i % 6) : null;
                battles.add(new Battle(row.get("model_a").asText(), row.get("model_b").asText(), outcome, 1, null, i, a, b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return battles;
    }

    /** An evalica comparisons file (left, right, winner ∈ left/right/tie) in file order. */
    static List<Battle> evalicaComparisons(String file) {
        List<Battle> battles = new ArrayList<>();
        for (CSVRecord row : csv(file)) {
            double outcome = switch (row.get("winner")) {
                case "left" -> 1;
                case "right" -> 0;
                case "tie" -> 0.5;
                default -> throw new IllegalStateException("unknown winner in " + row);
            };
            battles.add(new Battle(row.get("left"), row.get("right"), outcome, 1, null, battles.size(), null, null));
        }
        return battles;
    }

    /** evalica's golden scores of one algorithm: item → score. */
    static Map<String, Double> evalicaGolden(String file, String algorithm) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (CSVRecord row : csv(file)) {
            if (row.get("algorithm").equals(algorithm)) scores.put(row.get("item"), Double.parseDouble(row.get("score")));
        }
        return scores;
    }

    private static List<CSVRecord> csv(String file) {
        try (Reader reader = reader("llmfao/" + file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(String path) {
        InputStream in = ReferenceData.class.getResourceAsStream("/data/" + path);
        if (in == null) throw new IllegalStateException("missing test resource data/" + path);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
