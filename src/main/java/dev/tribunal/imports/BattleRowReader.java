package dev.tribunal.imports;

import static dev.tribunal.imports.JsonRecords.number;
import static dev.tribunal.imports.JsonRecords.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.rating.AnswerStyle;
import java.io.IOException;

/**
 * Battle rows, as JSON Lines or a JSON array: {model_a, model_b, winner} (Arena-Hard's battle files), optionally
 * with Chatbot Arena's clean-battle fields. Read: winner (see {@link Winner}); tstamp (seconds since the epoch) as
 * the time, else the row's position; weight (default 1); category; question_id or uid (to look styles up); the
 * answer styles as style_a and style_b (see {@link StyleFields}) or as conv_metadata. Other fields are ignored.
 */
final class BattleRowReader implements FormatReader {

    @Override
    public void read(InputFile file, ImportSettings settings, BattleSink sink) throws IOException {
        new JsonRecords(file, settings.skipBad(), sink.counts()).forEach((row, line) -> readRow(row, settings.styles(), sink));
    }

    private static void readRow(JsonParser row, StyleTable styles, BattleSink sink) throws IOException {
        NameCache names = sink.names();
        String a = null;
        String b = null;
        String winner = null;
        String category = null;
        String question = null;
        String voter = null;
        double tstamp = Double.NaN;
        double weight = 1;
        JsonNode styleA = null;
        JsonNode styleB = null;
        JsonNode conversation = null;
        for (String field; (field = row.nextFieldName()) != null; ) {
            row.nextToken();
            switch (field) {
                case "model_a" -> a = names.text(row, field);
                case "model_b" -> b = names.text(row, field);
                case "winner" -> winner = names.text(row, field);
                case "category" -> category = text(row, field);
                case "question_id", "uid" -> question = text(row, field);
                case "judge", "voter" -> voter = text(row, field);
                case "tstamp" -> tstamp = number(row, field);
                case "weight" -> weight = number(row, field);
                case "style_a" -> styleA = JsonRecords.tree(row);
                case "style_b" -> styleB = JsonRecords.tree(row);
                case "conv_metadata" -> conversation = JsonRecords.tree(row);
                default -> row.skipChildren();
            }
        }
        if (a == null) throw new BadRecord("no 'model_a'");
        if (b == null) throw new BadRecord("no 'model_b'");
        double outcome = Winner.outcome(winner);
        long time = Double.isNaN(tstamp) ? sink.position() : Math.round(tstamp * 1000);
        AnswerStyle[] style = styles(styleA, styleB, conversation, styles, question, a, b);
        sink.emit(a, b, outcome, weight, category, time, style[0], style[1], new BattleSink.Units(question, voter, null));
    }

    /** Both answers' styles, from the row itself, else from the style table; {null, null} when unknown. */
    static AnswerStyle[] styles(JsonNode styleA, JsonNode styleB, JsonNode conversation, StyleTable table,
                                String question, String a, String b) {
        if (styleA != null && styleB != null && !styleA.isNull() && !styleB.isNull()) {
            return new AnswerStyle[] {StyleFields.of(styleA), StyleFields.of(styleB)};
        }
        if (conversation != null && conversation.isObject()) {
            return new AnswerStyle[] {StyleFields.ofConversation(conversation, 'a'), StyleFields.ofConversation(conversation, 'b')};
        }
        return table.pair(question, a, b);
    }
}
