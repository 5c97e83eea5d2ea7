package dev.tribunal.imports;

import dev.tribunal.imports.PrdVicuna80.HumanVote;
import dev.tribunal.imports.PrdVicuna80.Review;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judge-versus-judge battles scored by agreement with the human votes on the same answers, so that the judges'
 * leaderboard means something before the arena has any votes.
 *
 * <p>For a question and an ordered pair of answers (first, second), the humans' label is h = 1 when the mean human
 * outcome for first is above ½, 0 when below, ½ when exactly ½. A reviewer whose verdict gives first the outcome v
 * agrees by g = 1 − |v − h| (1 same call, ½ when one of the two is a tie, 0 opposite calls). Two reviewers j, k of the
 * same answers then meet in a battle with outcome ½ + (g_j − g_k)/2: the one closer to the humans wins, equals tie.
 * Answer pairs no human voted on give no battles.
 */
final class HumanAgreement {

    /** The battle source of these judge battles. */
    static final String SOURCE = "human-agreement";

    /** One judge battle: reviewers a and b on the answers of {@code review}, with a's outcome. */
    record JudgeBattle(String a, String b, double outcome, Review review) {
    }

    private HumanAgreement() {
    }

    static List<JudgeBattle> battles(List<Review> reviews, List<HumanVote> votes) {
        Map<String, double[]> human = new HashMap<>();   // "q:m1:m2" (m1 < m2) → {sum of m1's outcomes, count}
        for (HumanVote v : votes) {
            boolean inOrder = v.modelA().compareTo(v.modelB()) < 0;
            double outcomeA = DemoLoader.outcome(v.score());
            double[] tally = human.computeIfAbsent(key(v.questionId(), v.modelA(), v.modelB()), k -> new double[2]);
            tally[0] += inOrder ? outcomeA : 1 - outcomeA;
            tally[1]++;
        }
        Map<String, List<Review>> byAnswers = new LinkedHashMap<>();
        for (Review r : reviews) {
            byAnswers.computeIfAbsent(r.questionId() + ":" + r.first().model() + ":" + r.second().model(),
                    k -> new ArrayList<>()).add(r);
        }
        List<JudgeBattle> battles = new ArrayList<>();
        for (List<Review> same : byAnswers.values()) {
            Review any = same.getFirst();
            double[] tally = human.get(key(any.questionId(), any.first().model(), any.second().model()));
            if (tally == null) continue;
            boolean inOrder = any.first().model().compareTo(any.second().model()) < 0;
            double mean = inOrder ? tally[0] / tally[1] : 1 - tally[0] / tally[1];
            double label = Math.signum(mean - 0.5) / 2 + 0.5;
            for (int j = 0; j < same.size(); j++) {
                for (int k = j + 1; k < same.size(); k++) {
                    double gj = 1 - Math.abs(DemoLoader.outcome(same.get(j).score()) - label);
                    double gk = 1 - Math.abs(DemoLoader.outcome(same.get(k).score()) - label);
                    battles.add(new JudgeBattle(same.get(j).reviewer(), same.get(k).reviewer(), 0.5 + (gj - gk) / 2,
                            same.get(j)));
                }
            }
        }
        return battles;
    }

    private static String key(int question, String m1, String m2) {
        return m1.compareTo(m2) < 0 ? question + ":" + m1 + ":" + m2 : question + ":" + m2 + ":" + m1;
    }
}
