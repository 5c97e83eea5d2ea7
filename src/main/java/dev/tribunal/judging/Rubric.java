package dev.tribunal.judging;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a single-response grade measures: the criteria and what each score from 1 to 5 means.
 *
 * @param scoreDescriptions exactly the keys 1, 2, 3, 4, 5
 */
public record Rubric(String criteria, Map<Integer, String> scoreDescriptions) {

    /** Used when a request brings no rubric of its own. */
    public static final Rubric DEFAULT = new Rubric(
            "How well does the response answer the user's input: is it correct, helpful, complete and clear?",
            Map.of(1, "Wrong, harmful or off-topic; it does not answer the input.",
                    2, "Answers only a little of the input, or with serious mistakes.",
                    3, "Answers the input, but with noticeable mistakes, gaps or unclear parts.",
                    4, "Answers the input correctly and helpfully, with only minor flaws.",
                    5, "Answers the input fully, correctly and clearly; hard to improve."));

    public Rubric {
        Objects.requireNonNull(criteria, "criteria");
        if (criteria.isBlank()) throw new IllegalArgumentException("rubric criteria must not be blank");
        if (!Set.of(1, 2, 3, 4, 5).equals(scoreDescriptions.keySet())) {
            throw new IllegalArgumentException("rubric needs a description for each score 1 to 5, got "
                    + scoreDescriptions.keySet());
        }
        scoreDescriptions = Map.copyOf(scoreDescriptions);
    }

    /** "Score 1: …" lines, in order. */
    String describeScores() {
        return new TreeMap<>(scoreDescriptions).entrySet().stream()
                .map(e -> "Score " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }
}
