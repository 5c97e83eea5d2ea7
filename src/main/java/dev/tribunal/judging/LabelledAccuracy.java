package dev.tribunal.judging;

import dev.tribunal.rating.JudgeBenchScore;
import dev.tribunal.rating.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy on labelled pairs by JudgeBench's metric ({@link JudgeBenchScore}): per judge model, over all its pairs
 * and per source group, 100 × correct / pairs with the 95 % Wilson interval (×100).
 */
public final class LabelledAccuracy {

    /** One line of the result: a judge model and a group ("all" for every pair of that judge). */
    public record Row(String judge, String group, long pairs, long correct, double accuracy, Double lower,
                      Double upper) {
    }

    public static final String ALL = "all";

    private LabelledAccuracy() {
    }

    public static List<Row> of(List<JudgeBenchPair> pairs) {
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        for (JudgeBenchPair p : pairs) {
            boolean correct = JudgeBenchScore.correct(p.first(), p.swapped(), p.label());
            Map<String, long[]> judge = counts.computeIfAbsent(p.judgeModel(), k -> new TreeMap<>());
            for (String group : List.of(ALL, p.group())) {
                long[] c = judge.computeIfAbsent(group, k -> new long[2]);
                c[0]++;
                if (correct) c[1]++;
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
        return new Row(judge, group, c[0], c[1], 100 * p.share(), 100 * p.lower(), 100 * p.upper());
    }
}
