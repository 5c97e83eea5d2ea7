package dev.tribunal.imports;

import java.util.List;

/**
 * The PRD Vicuna-80 data (bcdnlp/PRD, arXiv:2307.02762) as read from its files: questions, the models'
 * answers, the LLM reviewers' pairwise reviews, and the human votes.
 *
 * @param skippedReviews reviews left out because an earlier file already had the same reviewer, question
 *                       and answer pair (the gpt35 folder's second run), by file name
 */
public record PrdVicuna80(List<Question> questions, List<Answer> answers, List<Review> reviews,
                          List<HumanVote> humanVotes, java.util.Map<String, Integer> skippedReviews) {

    public record Question(int id, String text, String category) {
    }

    /** @param model the short name from the file name (gpt4, claude, …); modelVersion as the file says */
    public record Answer(String id, int questionId, String model, String modelVersion, String text) {
    }

    /**
     * One reviewer's comparison of two answers to a question.
     *
     * @param score 1 = the first answer is better, 2 = the second, 3 = a tie
     */
    public record Review(String reviewer, int questionId, Answer first, Answer second, int score, String text) {
    }

    /** One person's vote between two models' answers to a question; score as in {@link Review}. */
    public record HumanVote(String modelA, String modelB, int questionId, int score, String file, int line) {
    }
}
