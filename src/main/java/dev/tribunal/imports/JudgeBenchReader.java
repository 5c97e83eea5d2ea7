package dev.tribunal.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.judging.JudgeBenchPair;
import dev.tribunal.rating.JudgeBenchScore.Decision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JudgeBench's published output files (JSON Lines): {@code pair_id}, {@code source}, {@code question},
 * {@code response_A}, {@code response_B}, {@code label} ("A>B" or "B>A"), {@code judge_name} and {@code judgments},
 * a list of two games {@code {"judgment": {"judge_model", "prompt", "response"}, "decision": "A>B" | "B>A" | "A=B" |
 * null}}, the second judged with the responses swapped. A missing second game counts as no decision.
 */
public final class JudgeBenchReader {

    public List<JudgeBenchPair> read(List<Path> files) {
        List<JudgeBenchPair> pairs = new ArrayList<>();
        for (Path file : files) {
            for (JsonLines.Line line : JsonLines.read(file)) pairs.add(pair(file, line));
        }
        return pairs;
    }

    private static JudgeBenchPair pair(Path file, JsonLines.Line line) {
        JsonNode row = line.json();
        String labelText = JsonLines.key(row, "label");
        Decision label = Decision.parse(labelText);
        if (label == null || label == Decision.TIE) {
            throw BadInputException.at(file.toString(), line.number(), "label must be A>B or B>A, not " + labelText);
        }
        JsonNode games = row.path("judgments");
        if (!games.isArray() || games.isEmpty()) {
            throw BadInputException.at(file.toString(), line.number(), "judgments must be a list of two games");
        }
        String judge = games.get(0).path("judgment").path("judge_model").asText(null);
        if (judge == null || judge.isBlank()) judge = JsonLines.key(row, "judge_name");
        if (judge == null) throw BadInputException.at(file.toString(), line.number(), "no judge_model or judge_name");
        return new JudgeBenchPair(JsonLines.key(row, "pair_id"), JsonLines.key(row, "source"),
                row.path("question").asText(null), row.path("response_A").asText(null),
                row.path("response_B").asText(null), label, judge, decision(games.get(0), file, line),
                games.size() > 1 ? decision(games.get(1), file, line) : null);
    }

    private static Decision decision(JsonNode game, Path file, JsonLines.Line line) {
        JsonNode d = game.get("decision");
        if (d == null || d.isNull()) return null;
        Decision parsed = Decision.parse(d.asText());
        if (parsed == null) {
            throw BadInputException.at(file.toString(), line.number(), "decision must be A>B, B>A, A=B or null, not "
                    + d.asText());
        }
        return parsed;
    }
}
