package dev.tribunal.judging;

import dev.tribunal.judging.JudgeReportCard.Share;
import dev.tribunal.rating.JudgeBenchScore;
import dev.tribunal.rating.JudgeBenchScore.Decision;
import dev.tribunal.rating.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy on labelled pairs by JudgeBench's metric ({@link JudgeBenchScore}): per judge model, over all its pairs
 * and per source group, 100 × correct / pairs with the 95 % Wilson interval (×100). Beside it, what the metric
 * forgives: {@code consistent} counts the pairs whose two games agree once game 2 is turned back (a tie and a win
 * do not), and {@code firstPosition} is the share of decisive games, on pairs with both games decided, that went
 * to the answer shown first (½ is unbiased); flag {@value ReportCards#POSITION_BIASED} when its interval excludes
 * ½. A judge that wins one game and calls the other a tie scores a correct pair, so only these show its bias.
 */
public final class LabelledAccuracy {

    /** One line of the result: a judge model and a group ("all" for every pair of that judge). */
    public record Row(String judge, String group, long pairs, long correct, double accuracy, Double lower,
                      Double upper, long consistent, Share firstPosition, List<String> flags) {
    }

    public static final String ALL = "all";

    private LabelledAccuracy() {
    }

    public static List<Row> of(List<JudgeBenchPair> pairs) {
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        for (JudgeBenchPair p : pairs) {
            boolean correct = JudgeBenchScore.correct(p.first(), p.swapped(), p.label());
            boolean both = p.first() != null && p.swapped() != null;
            boolean consistent = both && p.first() == p.swapped().swapped();
            Map<String, long[]> judge = counts.computeIfAbsent(p.judgeModel(), k -> new TreeMap<>());
            for (String group : List.of(ALL, p.group())) {
                // pairs, correct, consistent, decisive games on pairs with both games, of them for the first shown
                long[] c = judge.computeIfAbsent(group, k -> new long[5]);
                c[0]++;
                if (correct) c[1]++;
                if (consistent) c[2]++;
                if (both) {
                    for (Decision d : List.of(p.first(), p.swapped())) {
                        if (d == Decision.TIE) continue;
                        c[3]++;
                        if (d == Decision.A_BETTER) c[4]++;
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((judge, groups) -> {
            rows.add(row(judge, ALL, groups.get(ALL)));
            groups.forEach((group, c) -> {
                if (!group.equals(ALL)) rows.add(row(judge, group, c));
            });
        });
        return rows;
    }

    private static Row row(String judge, String group, long[] c) {
        Proportion p = Proportion.of(c[1], c[0]);
        Proportion first = Proportion.of(c[4], c[3]);
        List<String> flags = first.excludes(0.5) ? List.of(ReportCards.POSITION_BIASED) : List.of();
        return new Row(judge, group, c[0], c[1], 100 * p.share(), 100 * p.lower(), 100 * p.upper(), c[2],
                Share.of(first), flags);
    }
}
