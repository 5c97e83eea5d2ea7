package dev.tribunal.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.rating.AnswerStyle;
import java.util.Iterator;

/**
 * Reads an answer's style from the JSON shapes that carry one. A count may be a number or an object of numbers
 * (Arena-Hard's {"h1": 2, "h2": 0, …}), which are summed. The token count is required; missing markdown counts are 0.
 * <ul>
 *   <li>ours: {tokens, headers, list_items, bold}</li>
 *   <li>Arena-Hard's answer metadata: {token_len, header_count, list_count, bold_count}</li>
 *   <li>Arena-Hard's and Chatbot Arena's conv_metadata, per side s = a | b:
 *       {sum_assistant_s_tokens, header_count_s, list_count_s, bold_count_s}</li>
 * </ul>
 */
final class StyleFields {

    private StyleFields() {
    }

    /** The style in {@code node} written in our names or in Arena-Hard's answer-metadata names. */
    static AnswerStyle of(JsonNode node) {
        if (node.has("token_len")) return read(node, "token_len", "header_count", "list_count", "bold_count");
        return read(node, "tokens", "headers", "list_items", "bold");
    }

    /** Side a's or b's style in a conv_metadata object. */
    static AnswerStyle ofConversation(JsonNode convMetadata, char side) {
        return read(convMetadata, "sum_assistant_" + side + "_tokens", "header_count_" + side,
                "list_count_" + side, "bold_count_" + side);
    }

    private static AnswerStyle read(JsonNode node, String tokens, String headers, String lists, String bold) {
        if (!node.isObject()) throw new BadRecord("a style must be a JSON object, not " + node);
        if (!node.hasNonNull(tokens)) throw new BadRecord("the style has no '" + tokens + "'");
        return new AnswerStyle(count(node, tokens), count(node, headers), count(node, lists), count(node, bold));
    }

    private static double count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return 0;
        if (value.isNumber()) return nonNegative(field, value.doubleValue());
        if (value.isObject()) {
            double sum = 0;
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                JsonNode part = it.next();
                if (!part.isNumber()) throw new BadRecord("'" + field + "' must hold numbers, not " + part);
                sum += nonNegative(field, part.doubleValue());
            }
            return sum;
        }
        throw new BadRecord("'" + field + "' must be a number or an object of numbers, not " + value);
    }

    private static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new BadRecord("'" + field + "' must be a count >= 0: " + value);
        return value;
    }
}
