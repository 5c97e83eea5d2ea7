package dev.tribunal.config;

import static dev.tribunal.config.ConfigException.require;

import java.util.List;

/**
 * The collective benchmark's settings (section {@code collective}); the pool itself is {@code llm.models}.
 *
 * @param topics              what questions are about; each iteration picks one at random
 * @param difficulties        how hard they are asked to be; each iteration picks one at random
 * @param iterations          iterations when {@code --iterations} is not given (one kept question each, at most)
 * @param questionAttempts    authors asked per iteration before it is given up (k): a question the pool rejects,
 *                            or a near-duplicate, sends the iteration to the next author
 * @param minQuestionMean     a question is kept only if the weighted mean of its 1–5 ratings is at least this
 * @param minQuestionMedian   … and the weighted median is at least this
 * @param duplicateSimilarity a question whose word-set Jaccard similarity with an earlier kept question of the run
 *                            is at least this is a near-duplicate (1 = identical words only)
 * @param stabilityWindow     stop once the bootstrap rank ranges have not changed for this many iterations in a row
 *                            (0 = run every iteration)
 * @param minIterations       never stop for stability before this many iterations are done
 */
public record CollectiveConfig(List<String> topics, List<String> difficulties, int iterations, int questionAttempts,
                               double minQuestionMean, double minQuestionMedian, double duplicateSimilarity,
                               int stabilityWindow, int minIterations) {

    public CollectiveConfig {
        require(topics != null && !topics.isEmpty() && topics.stream().noneMatch(t -> t == null || t.isBlank()),
                "collective.topics", "must list at least one topic", topics);
        require(difficulties != null && !difficulties.isEmpty()
                        && difficulties.stream().noneMatch(t -> t == null || t.isBlank()),
                "collective.difficulties", "must list at least one difficulty", difficulties);
        topics = List.copyOf(topics);
        difficulties = List.copyOf(difficulties);
        require(iterations >= 1, "collective.iterations", "must be >= 1", iterations);
        require(questionAttempts >= 1, "collective.question_attempts", "must be >= 1", questionAttempts);
        require(minQuestionMean >= 1 && minQuestionMean <= 5, "collective.min_question_mean", "must be in 1..5",
                minQuestionMean);
        require(minQuestionMedian >= 1 && minQuestionMedian <= 5, "collective.min_question_median",
                "must be in 1..5", minQuestionMedian);
        require(duplicateSimilarity > 0 && duplicateSimilarity <= 1, "collective.duplicate_similarity",
                "must be in (0, 1]", duplicateSimilarity);
        require(stabilityWindow >= 0, "collective.stability_window", "must be >= 0", stabilityWindow);
        require(minIterations >= 1, "collective.min_iterations", "must be >= 1", minIterations);
    }

    /** AutoBench's topics, three difficulties, 20 iterations, 3 authors, mean ≥ 3.5 and median ≥ 3, window 5. */
    public static CollectiveConfig defaults() {
        return new CollectiveConfig(List.of("math", "logic", "coding", "history", "science", "creative writing",
                "general culture", "current affairs"), List.of("easy", "medium", "hard"), 20, 3, 3.5, 3, 0.6, 5, 10);
    }
}
