package dev.tribunal.rating;

import java.util.Arrays;

/**
 * Who played whom, and who scored against whom, in a set of pair scores. Its two facts decide whether the
 * Bradley–Terry maximum-likelihood estimate exists (Zermelo 1929, Ford 1957):
 * <ul>
 *   <li>ratings are comparable only within a connected component of the "played" graph;</li>
 *   <li>within a component the maximum exists and is unique iff the "scored against" digraph (an edge i → j
 *       when i won, tied or softly won any share against j) is strongly connected, i.e. no group of contestants
 *       never lost against the rest of the component.</li>
 * </ul>
 */
final class ComparisonGraph {
    /** Component of each contestant, 0, 1, …; −1 for contestants without battles. */
    final int[] component;
    final int components;
    /** Per component: is the "scored against" digraph strongly connected? */
    final boolean[] stronglyConnected;

    private ComparisonGraph(int[] component, int components, boolean[] stronglyConnected) {
        this.component = component;
        this.components = components;
        this.stronglyConnected = stronglyConnected;
    }

    static ComparisonGraph of(int n, int[] pairI, int[] pairJ, double[] scoreI, double[] scoreJ) {
        int pairs = pairI.length;
        int[] degree = new int[n + 1];
        for (int p = 0; p < pairs; p++) {
            if (scoreI[p] + scoreJ[p] > 0) {
                degree[pairI[p] + 1]++;
                degree[pairJ[p] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) degree[i + 1] += degree[i];
        int[] adjacentPair = new int[degree[n]];
        int[] fill = Arrays.copyOf(degree, n);
        for (int p = 0; p < pairs; p++) {
            if (scoreI[p] + scoreJ[p] > 0) {
                adjacentPair[fill[pairI[p]]++] = p;
                adjacentPair[fill[pairJ[p]]++] = p;
            }
        }
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int components = 0;
        boolean[] strong = new boolean[n];
        int[] queue = new int[n];
        int[] seen = new int[n];       // marks per search: stamp of the last search that reached a contestant
        int stamp = 0;
        for (int root = 0; root < n; root++) {
            if (component[root] >= 0 || degree[root + 1] == degree[root]) continue;
            int size = search(root, Direction.PLAYED, ++stamp, seen, queue, degree, adjacentPair, pairI, pairJ, scoreI, scoreJ);
            for (int q = 0; q < size; q++) component[queue[q]] = components;
            boolean beatsAll = search(root, Direction.BEAT, ++stamp, seen, queue, degree, adjacentPair, pairI, pairJ, scoreI, scoreJ) == size;
            strong[components] = beatsAll
                    && search(root, Direction.LOST_TO, ++stamp, seen, queue, degree, adjacentPair, pairI, pairJ, scoreI, scoreJ) == size;
            components++;
        }
        return new ComparisonGraph(component, components, Arrays.copyOf(strong, components));
    }

    /** Does the maximum-likelihood estimate exist in every component? */
    boolean estimable() {
        for (boolean s : stronglyConnected) {
            if (!s) return false;
        }
        return true;
    }

    private enum Direction { PLAYED, BEAT, LOST_TO }

    /** Breadth-first search from {@code root}; the reached contestants end up in queue[0, returned size). */
    private static int search(int root, Direction direction, int stamp, int[] seen, int[] queue, int[] offset,
                              int[] adjacentPair, int[] pairI, int[] pairJ, double[] scoreI, double[] scoreJ) {
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        seen[root] = stamp;
        while (head < tail) {
            int u = queue[head++];
            for (int e = offset[u]; e < offset[u + 1]; e++) {
                int p = adjacentPair[e];
                boolean uIsI = pairI[p] == u;
                int v = uIsI ? pairJ[p] : pairI[p];
                if (seen[v] == stamp) continue;
                double scoreOfU = uIsI ? scoreI[p] : scoreJ[p];
                double scoreOfV = uIsI ? scoreJ[p] : scoreI[p];
                boolean follow = switch (direction) {
                    case PLAYED -> true;
                    case BEAT -> scoreOfU > 0;
                    case LOST_TO -> scoreOfV > 0;
                };
                if (follow) {
                    seen[v] = stamp;
                    queue[tail++] = v;
                }
            }
        }
        return tail;
    }
}
