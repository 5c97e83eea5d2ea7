package dev.tribunal.judging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tribunal.store.ParseStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads verdicts and scores from judge replies: a JSON object anywhere in the reply (in code fences or not,
 * with the usual LLM liberties: single quotes, trailing commas, raw newlines), else Arena-Hard labels
 * ({@code [[A>B]]}, then {@code [A>B]}, then "verdict: A>B"), else for scores MT-Bench's {@code [[4]]} or
 * "Score: 4". Several readings that disagree make the reply unparseable: it never guesses.
 */
public final class ReplyParser {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final List<String> SCORE_FIELDS = List.of("score", "rating", "grade");
    private static final List<String> VERDICT_FIELDS = List.of("verdict", "label", "final_verdict");
    private static final List<String> CRITIQUE_FIELDS = List.of("critique", "explanation", "reasoning", "rationale",
            "feedback", "justification");
    private static final String LABEL = "([AaBb])\\s*(>>|>|==|=|<<|<)\\s*([AaBb])";
    private static final List<Pattern> LABEL_PATTERNS = List.of(
            Pattern.compile("\\[\\[\\s*" + LABEL + "\\s*]]"),
            Pattern.compile("\\[\\s*" + LABEL + "\\s*]"),
            Pattern.compile("(?i)verdict\\s*(?:is)?\\s*[:\\-]?\\s*[*_`\"]*\\s*" + LABEL));
    private static final List<Pattern> SCORE_PATTERNS = List.of(
            Pattern.compile("\\[\\[\\s*(\\d+(?:\\.\\d+)?)\\s*]]"),
            Pattern.compile("(?i)\\b(?:score|rating|grade)\\b\\s*(?:is|of|=|:)?[\\s:*_`]*(\\d+(?:\\.\\d+)?)(?!\\s*(?:%|percent))"));
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);

    private ReplyParser() {
    }

    /** A 1–5 score and critique. */
    public static ParsedReply parseScore(String reply) {
        return parse(reply, SCORE_FIELDS, ReplyParser::score, SCORE_PATTERNS, ReplyParser::scoreFromText, true);
    }

    /** A pairwise verdict and critique. */
    public static ParsedReply parsePair(String reply) {
        return parse(reply, VERDICT_FIELDS, node -> node.isValueNode() ? PairVerdict.fromLabel(node.asText()) : null,
                LABEL_PATTERNS, m -> PairVerdict.fromLabel(m.group(1) + m.group(2) + m.group(3)), false);
    }

    private static <T> ParsedReply parse(String reply, List<String> valueFields, Function<JsonNode, T> fromJson,
                                         List<Pattern> textPatterns, Function<Matcher, T> fromText, boolean isScore) {
        if (reply == null || reply.isBlank()) return ParsedReply.unparseable(reply);
        // 1. JSON objects that carry the value.
        Set<T> values = new LinkedHashSet<>();
        String critique = null;
        boolean invalid = false;
        for (JsonNode object : jsonObjects(reply)) {
            JsonNode valueNode = field(object, valueFields);
            if (valueNode == null) continue;
            T value = fromJson.apply(valueNode);
            if (value == null) invalid = true;
            else values.add(value);
            JsonNode c = field(object, CRITIQUE_FIELDS);
            if (c != null && c.isValueNode() && critique == null) critique = c.asText().strip();
        }
        if (invalid || values.size() > 1) return ParsedReply.unparseable(reply);
        if (values.size() == 1) return result(values.iterator().next(), critique == null ? "" : critique, isScore);
        // 2. Labels or "Score: N" in the text: the first pattern that matches at all decides.
        for (Pattern pattern : textPatterns) {
            Matcher m = pattern.matcher(reply);
            int lastEnd = -1;
            int lastStart = -1;
            while (m.find()) {
                T value = fromText.apply(m);
                if (value == null) return ParsedReply.unparseable(reply);
                values.add(value);
                lastStart = m.start();
                lastEnd = m.end();
            }
            if (values.size() > 1) return ParsedReply.unparseable(reply);
            if (values.size() == 1) {
                return result(values.iterator().next(), critiqueAround(reply, lastStart, lastEnd), isScore);
            }
        }
        return ParsedReply.unparseable(reply);
    }

    private static ParsedReply result(Object value, String critique, boolean isScore) {
        return isScore ? new ParsedReply(null, (Integer) value, critique, ParseStatus.OK)
                : new ParsedReply((PairVerdict) value, null, critique, ParseStatus.OK);
    }

    /** The reply without the line holding the final verdict, when that line says little else. */
    private static String critiqueAround(String reply, int start, int end) {
        int lineStart = reply.lastIndexOf('\n', start) + 1;
        int lineEnd = reply.indexOf('\n', end);
        if (lineEnd < 0) lineEnd = reply.length();
        String line = reply.substring(lineStart, lineEnd);
        boolean verdictLine = line.strip().length() <= (end - start) + 40;
        String rest = verdictLine ? reply.substring(0, lineStart) + reply.substring(lineEnd) : reply;
        return rest.strip();
    }

    private static Integer score(JsonNode node) {
        if (node.isNumber()) return wholeScore(node.doubleValue());
        if (node.isTextual()) {
            Matcher m = Pattern.compile("^\\s*\\[*\\s*(\\d+(?:\\.\\d+)?)\\s*]*\\s*(?:/\\s*5|out of 5)?\\s*$")
                    .matcher(node.asText());
            return m.matches() ? wholeScore(Double.parseDouble(m.group(1))) : null;
        }
        return null;
    }

    private static Integer scoreFromText(Matcher m) {
        return wholeScore(Double.parseDouble(m.group(1)));
    }

    /** 1–5 and whole (4.0 is 4); anything else, e.g. 4.5 or 8, is not a score on this scale. */
    private static Integer wholeScore(double value) {
        if (value != Math.rint(value) || value < 1 || value > 5) return null;
        return (int) value;
    }

    private static JsonNode field(JsonNode object, List<String> names) {
        for (var it = object.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (names.contains(entry.getKey().toLowerCase(java.util.Locale.ROOT))) return entry.getValue();
        }
        return null;
    }

    /** Every JSON object in the reply: code fences first, then each '{' that starts a readable object. */
    public static List<JsonNode> jsonObjects(String reply) {
        List<JsonNode> found = new ArrayList<>();
        Matcher fence = FENCE.matcher(reply);
        while (fence.find()) {
            JsonNode node = readObject(fence.group(1).strip());
            if (node != null) found.add(node);
        }
        if (!found.isEmpty()) return found;
        int from = 0;
        while ((from = reply.indexOf('{', from)) >= 0) {
            int length = 1;
            try (JsonParser parser = LENIENT.createParser(reply.substring(from))) {
                JsonNode node = LENIENT.readTree(parser);
                if (node != null && node.isObject()) {
                    found.add(node);
                    // skip the objects nested inside this one
                    length = Math.max(1, (int) parser.currentLocation().getCharOffset());
                }
            } catch (IOException notAnObject) {
                // try the next '{'
            }
            from += length;
        }
        return found;
    }

    /** Reads the object starting at the text's first character, ignoring whatever follows it. */
    private static JsonNode readObject(String text) {
        try (JsonParser parser = LENIENT.createParser(text)) {
            JsonNode node = LENIENT.readTree(parser);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
