package dev.tribunal.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.store.Question;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON Lines file of prompts into questions of a set, in file order: a key ({@code uid} or
 * {@code question_id}), the text ({@code prompt}, or {@code turns}: an array of user turns), and optionally
 * {@code category}, {@code cluster} (kept as the topic) and {@code reference} (a text, or one per turn). The
 * external key is {@code <set>:<key>}, so that importing the file again adds nothing.
 */
public final class QuestionFile {

    private QuestionFile() {
    }

    /**
     * @param references reference answers by question key (from a separate file, as MT-Bench has), may be empty
     * @throws BadInputException naming the file and line of the first bad record
     */
    public static List<Question> read(Path file, String set, Map<String, List<String>> references) {
        List<Question> questions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            JsonNode q = line.json();
            String key = JsonLines.key(q, "uid");
            if (key == null) key = JsonLines.key(q, "question_id");
            if (key == null) throw bad(file, line, "no 'uid' or 'question_id'");
            if (!keys.add(key)) throw bad(file, line, "the key '" + key + "' appears twice");
            List<String> turns = q.has("turns") ? JsonLines.texts(q.get("turns")) : JsonLines.texts(q.get("prompt"));
            if (turns == null || turns.stream().anyMatch(String::isBlank)) {
                throw bad(file, line, "needs 'prompt' (a non-empty text) or 'turns' (an array of non-empty texts)");
            }
            List<String> refs = references.getOrDefault(key, q.has("reference") ? JsonLines.texts(q.get("reference")) : null);
            if (q.has("reference") && !q.get("reference").isNull() && refs == null) {
                throw bad(file, line, "'reference' must be a text or an array of texts");
            }
            String category = JsonLines.key(q, "category");
            String cluster = JsonLines.key(q, "cluster");
            boolean multi = turns.size() > 1;
            questions.add(new Question(0, set, set + ":" + key, category, cluster, null, turns.getFirst(),
                    refs == null ? null : refs.getFirst(), null, null, null, questions.size(),
                    multi ? turns : List.of(), multi && refs != null ? refs : List.of()));
        }
        return questions;
    }

    /** MT-Bench's reference answers: {question_id, choices: [{turns: [...]}]} per line, by question key. */
    public static Map<String, List<String>> references(Path file) {
        Map<String, List<String>> refs = new java.util.HashMap<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            String key = JsonLines.key(line.json(), "question_id");
            List<String> turns = JsonLines.texts(line.json().path("choices").path(0).get("turns"));
            if (key == null || turns == null) throw bad(file, line, "expected {question_id, choices: [{turns: [...]}]}");
            refs.put(key, turns);
        }
        return refs;
    }

    private static BadInputException bad(Path file, JsonLines.Line line, String problem) {
        return BadInputException.at(file.toString(), line.number(), problem);
    }
}
