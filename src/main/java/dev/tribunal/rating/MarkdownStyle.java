package dev.tribunal.rating;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's style features for style control, counted as Arena-Hard's add_markdown_info.py counts them: code
 * blocks (```…```) are removed first; headers are lines starting with 1–6 '#' and a space; list items are lines
 * starting with "N. " or "-", "*", "+" and a space; bold spans are **…** or __…__ within a line. The length is the
 * answer's token count as stored, or its number of words where no token count exists ({@link #inWords}). Costs one
 * pass over the text per feature.
 */
public final class MarkdownStyle {

    private static final Pattern CODE_BLOCK = Pattern.compile("```[^`]*```");
    private static final Pattern HEADER = Pattern.compile("(?m)^#{1,6}\\s");
    private static final Pattern ORDERED = Pattern.compile("(?m)^\\s*\\d+\\.\\s");
    private static final Pattern UNORDERED = Pattern.compile("(?m)^\\s*[-*+]\\s");
    private static final Pattern BOLD_STARS = Pattern.compile("\\*\\*[^*\\n]+\\*\\*");
    private static final Pattern BOLD_UNDERSCORES = Pattern.compile("__[^_\\n]+__");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MarkdownStyle() {
    }

    public static AnswerStyle of(String answer, long tokens) {
        String text = CODE_BLOCK.matcher(answer).replaceAll("");
        return new AnswerStyle(tokens, count(HEADER, text), count(ORDERED, text) + count(UNORDERED, text),
                count(BOLD_STARS, text) + count(BOLD_UNDERSCORES, text));
    }

    /**
     * For answers without a token count (the demo's): the length is the number of whitespace-separated words. Style
     * control compares lengths as (a − b)/(a + b + 1), so a length in words gives nearly the same feature as one in
     * tokens when both answers are in one language.
     */
    public static AnswerStyle inWords(String answer) {
        String trimmed = answer.strip();
        return of(answer, trimmed.isEmpty() ? 0 : WHITESPACE.split(trimmed).length);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
