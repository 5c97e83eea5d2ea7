package dev.tribunal.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.llm.TokenEstimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Arena-Hard's {@code model_answer/<model>.jsonl}: one answer a line, in either of its formats —
 * {@code {uid, model, messages: [..., {role: "assistant", content: {answer}}], metadata?: {token_len}}} (v2) or
 * {@code {question_id, model_id, choices: [{turns: [{content, token_len?}]}]}} (v0.1). Tokens are the file's
 * {@code token_len} where given, else the cl100k count of the answer, as Arena-Hard's gen_answer.py counts them
 * (summed over the turns of a multi-turn answer).
 */
public final class AnswerFile {

    /** One model's answer to one question key; {@code turns} has one item for a single-turn answer. */
    public record ImportedAnswer(String questionKey, String model, List<String> turns, long tokens) {

        public String content() {
            return String.join("\n\n", turns);
        }
    }

    private AnswerFile() {
    }

    /** @throws BadInputException naming the file and line of the first bad record */
    public static List<ImportedAnswer> read(Path file) {
        List<ImportedAnswer> answers = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            JsonNode a = line.json();
            String key = JsonLines.key(a, "uid");
            if (key == null) key = JsonLines.key(a, "question_id");
            String model = JsonLines.key(a, "model");
            if (model == null) model = JsonLines.key(a, "model_id");
            if (key == null || model == null) {
                throw BadInputException.at(file.toString(), line.number(), "needs 'uid' (or 'question_id') and 'model'");
            }
            List<String> turns = new ArrayList<>();
            Long tokens = null;
            if (a.has("messages")) {
                JsonNode last = a.get("messages").path(a.get("messages").size() - 1);
                JsonNode content = last.path("content");
                String text = content.isTextual() ? content.asText() : content.path("answer").asText(null);
                if (text != null) turns.add(text);
                JsonNode len = a.path("metadata").path("token_len");
                if (len.isIntegralNumber()) tokens = len.asLong();
            } else {
                long sum = 0;
                boolean allCounted = true;
                for (JsonNode turn : a.path("choices").path(0).path("turns")) {
                    String text = turn.isTextual() ? turn.asText() : turn.path("content").asText(null);
                    if (text == null) continue;
                    turns.add(text);
                    if (turn.path("token_len").isIntegralNumber()) sum += turn.get("token_len").asLong();
                    else allCounted = false;
                }
                if (allCounted && !turns.isEmpty()) tokens = sum;
            }
            if (turns.isEmpty()) {
                throw BadInputException.at(file.toString(), line.number(),
                        "no answer text (messages[-1].content.answer or choices[0].turns)");
            }
            if (tokens == null) tokens = turns.stream().mapToLong(TokenEstimate::count).sum();
            answers.add(new ImportedAnswer(key, model, List.copyOf(turns), tokens));
        }
        return answers;
    }
}
