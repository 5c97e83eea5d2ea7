package dev.tribunal.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.rating.AnswerStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answer styles kept apart from the battles, looked up by (question, model): the style file of
 * {@code tribunal rate --style-file}. JSON Lines (or a JSON array), one answer a line:
 * <pre>{"question_id": "q1", "model": "gpt-4o", "tokens": 512, "headers": 3, "list_items": 7, "bold": 2}</pre>
 * "uid" may stand for "question_id" and "model_id" for "model"; the style may instead be Arena-Hard's answer
 * "metadata" object {token_len, header_count, list_count, bold_count}, so its model-answer files serve as they are.
 */
public final class StyleTable {

    public static final StyleTable EMPTY = new StyleTable(Map.of());
    private static final AnswerStyle[] UNKNOWN_PAIR = new AnswerStyle[2];

    private final Map<Key, AnswerStyle> styles;

    private record Key(String question, String model) {
    }

    private StyleTable(Map<Key, AnswerStyle> styles) {
        this.styles = styles;
    }

    /** Reads style files; a malformed line stops with "FILE:LINE: problem". */
    public static StyleTable read(List<Path> files) {
        Map<Key, AnswerStyle> styles = new HashMap<>();
        ImportCounts counts = new ImportCounts();
        for (InputFile file : InputFile.expand(files)) {
            try {
                new JsonRecords(file, false, counts).forEach((record, line) -> {
                    JsonNode node = JsonRecords.tree(record);
                    String question = firstText(node, "question_id", "uid");
                    String model = firstText(node, "model", "model_id");
                    if (question == null) throw new BadRecord("no 'question_id' (or 'uid')");
                    if (model == null) throw new BadRecord("no 'model' (or 'model_id')");
                    AnswerStyle style = StyleFields.of(node.has("metadata") ? node.get("metadata") : node);
                    styles.put(new Key(question, model), style);
                });
            } catch (IOException e) {
                throw new BadInputException(file.name() + ": cannot read it: " + e.getMessage(), e);
            }
        }
        return new StyleTable(styles);
    }

    public int size() {
        return styles.size();
    }

    /** The style of {@code model}'s answer to {@code question}, or null when unknown. */
    public AnswerStyle lookup(String question, String model) {
        return question == null || styles.isEmpty() ? null : styles.get(new Key(question, model));
    }

    /**
     * The styles of a's and b's answers to one question, or {null, null} unless both are known: then one shared
     * array (callers only read it), since most rows of most files have no style and a million rows would each
     * allocate one.
     */
    AnswerStyle[] pair(String question, String a, String b) {
        AnswerStyle styleA = lookup(question, a);
        AnswerStyle styleB = styleA == null ? null : lookup(question, b);
        return styleB == null ? UNKNOWN_PAIR : new AnswerStyle[] {styleA, styleB};
    }

    private static String firstText(JsonNode node, String name, String alias) {
        JsonNode value = node.hasNonNull(name) ? node.get(name) : node.get(alias);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
