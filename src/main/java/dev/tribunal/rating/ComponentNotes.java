package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The leaderboard notes that say how a comparison graph without a unique maximum was handled. */
final class ComponentNotes {
    private static final int NAMES_SHOWN = 8;

    private ComponentNotes() {
    }

    static String disconnected(List<String> names, ComparisonGraph graph, Anchoring anchoring) {
        List<List<String>> groups = groups(names, graph);
        groups.sort(Comparator.comparingInt(g -> -g.size()));
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "the battles fall into %d groups that never met each other, so ratings compare only within a group: ",
                graph.components));
        String anchor = anchoring.anchor() >= 0 && graph.component[anchoring.anchor()] >= 0
                ? names.get(anchoring.anchor()) : null;
        if (anchor != null) {
            note.append(String.format(Locale.ROOT, "the group of %s is pinned at %s = %s, every other group is centred at mean %s",
                    anchor, anchor, number(anchoring.anchorRating()), number(anchoring.anchorRating())));
        } else {
            note.append("each group is centred at mean ").append(number(anchoring.anchorRating()));
        }
        note.append("; the smaller groups: ");
        for (int g = 1; g < groups.size(); g++) {
            if (g > 1) note.append(", ");
            note.append(list(groups.get(g)));
        }
        return note.toString();
    }

    static String noMaximum(List<String> names, ComparisonGraph graph, PairCounts cells, double[] scoreI,
                            double[] scoreJ, double priorTie) {
        double[] won = new double[names.size()];
        double[] lost = new double[names.size()];
        for (int p = 0; p < cells.pairCount(); p++) {
            won[cells.pairI[p]] += scoreI[p];
            lost[cells.pairI[p]] += scoreJ[p];
            won[cells.pairJ[p]] += scoreJ[p];
            lost[cells.pairJ[p]] += scoreI[p];
        }
        List<String> neverLost = new ArrayList<>();
        List<String> neverWon = new ArrayList<>();
        int affected = 0;
        for (int i = 0; i < names.size(); i++) {
            int c = graph.component[i];
            if (c < 0 || graph.stronglyConnected[c]) continue;
            affected++;
            if (lost[i] == 0) neverLost.add(names.get(i));
            if (won[i] == 0) neverWon.add(names.get(i));
        }
        StringBuilder why = new StringBuilder();
        if (!neverLost.isEmpty()) why.append("never lost: ").append(list(neverLost));
        if (!neverWon.isEmpty()) why.append(why.isEmpty() ? "" : "; ").append("never won: ").append(list(neverWon));
        if (why.isEmpty()) why.append("a group of contestants never lost against the others it met");
        return String.format(Locale.ROOT, "the Bradley–Terry maximum-likelihood ratings do not exist (%s): "
                + "the %d contestants concerned were fitted with one virtual tie of weight %s added to each pair"
                + " that met (a weak prior, applied only because the maximum does not exist), which keeps their"
                + " ratings finite and pulls them toward each other", why, affected, number(priorTie));
    }

    /** A Newton fit that stopped without meeting its stopping rule. */
    static String notConverged(String method, int iterations, double lastStep) {
        return String.format(Locale.ROOT, "the %s fit did not converge: it stopped after %d iteration%s with its last"
                + " Newton step still %.3g (its stopping rule is 1e-11), so the ratings are its last iterate and may"
                + " not be the maximum", method, iterations, iterations == 1 ? "" : "s", lastStep);
    }

    private static List<List<String>> groups(List<String> names, ComparisonGraph graph) {
        List<List<String>> groups = new ArrayList<>();
        for (int c = 0; c < graph.components; c++) groups.add(new ArrayList<>());
        for (int i = 0; i < names.size(); i++) {
            if (graph.component[i] >= 0) groups.get(graph.component[i]).add(names.get(i));
        }
        return groups;
    }

    static String list(List<String> names) {
        if (names.size() <= NAMES_SHOWN) return "[" + String.join(", ", names) + "]";
        return "[" + String.join(", ", names.subList(0, NAMES_SHOWN)) + ", … " + (names.size() - NAMES_SHOWN) + " more]";
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4g", value);
    }
}
