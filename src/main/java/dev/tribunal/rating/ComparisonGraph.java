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
    private final int[] pairI;
    private final int[] pairJ;
    /** The pairs contestant u played: adjacentPair[offset[u]] … adjacentPair[offset[u + 1] − 1]. */
    private final int[] offset;
    private final int[] adjacentPair;
    /** Per component: its first contestant, where the searches start, and its number of contestants. */
    private final int[] root;
    private final int[] size;

    private ComparisonGraph(int[] pairI, int[] pairJ, int[] offset, int[] adjacentPair, double[] scoreI,
                            double[] scoreJ) {
        int n = offset.length - 1;
        this.pairI = pairI;
        this.pairJ = pairJ;
        this.offset = offset;
        this.adjacentPair = adjacentPair;
        this.component = new int[n];
        Arrays.fill(component, -1);
        int[] roots = new int[n];
        int[] sizes = new int[n];
        boolean[] strong = new boolean[n];
        Search search = new Search(n);
        int found = 0;
        for (int r = 0; r < n; r++) {
            if (component[r] >= 0 || offset[r + 1] == offset[r]) continue;
            int reached = search.run(r, Direction.PLAYED, n, scoreI, scoreJ);
            for (int q = 0; q < reached; q++) component[search.queue[q]] = found;
            roots[found] = r;
            sizes[found] = reached;
            strong[found] = search.run(r, Direction.BEAT, reached, scoreI, scoreJ) == reached
                    && search.run(r, Direction.LOST_TO, reached, scoreI, scoreJ) == reached;
            found++;
        }
        this.components = found;
        this.stronglyConnected = Arrays.copyOf(strong, found);
        this.root = Arrays.copyOf(roots, found);
        this.size = Arrays.copyOf(sizes, found);
    }

    static ComparisonGraph of(int n, int[] pairI, int[] pairJ, double[] scoreI, double[] scoreJ) {
        int pairs = pairI.length;
        int[] offset = new int[n + 1];
        for (int p = 0; p < pairs; p++) {
            if (scoreI[p] + scoreJ[p] > 0) {
                offset[pairI[p] + 1]++;
                offset[pairJ[p] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) offset[i + 1] += offset[i];
        int[] adjacentPair = new int[offset[n]];
        int[] fill = Arrays.copyOf(offset, n);
        for (int p = 0; p < pairs; p++) {
            if (scoreI[p] + scoreJ[p] > 0) {
                adjacentPair[fill[pairI[p]]++] = p;
                adjacentPair[fill[pairJ[p]]++] = p;
            }
        }
        return new ComparisonGraph(pairI, pairJ, offset, adjacentPair, scoreI, scoreJ);
    }

    /** Does the maximum-likelihood estimate exist in every component? */
    boolean estimable() {
        for (boolean s : stronglyConnected) {
            if (!s) return false;
        }
        return true;
    }

    /**
     * Do the pair scores of a resample of this graph's data (a pair scored there was scored here) leave every
     * component strongly connected? Then the resample's graph is this one: the same components, each with a
     * maximum. A search stops once it has reached the whole component, so on a dense graph this costs about the
     * root's pairs, not all of them.
     */
    boolean keptBy(double[] scoreI, double[] scoreJ) {
        if (!estimable()) return false;
        Search search = new Search(component.length);
        for (int c = 0; c < components; c++) {
            if (search.run(root[c], Direction.BEAT, size[c], scoreI, scoreJ) < size[c]
                    || search.run(root[c], Direction.LOST_TO, size[c], scoreI, scoreJ) < size[c]) {
                return false;
            }
        }
        return true;
    }

    private enum Direction { PLAYED, BEAT, LOST_TO }

    /** Breadth-first searches over the pairs, each marking what it reached with its own stamp. */
    private final class Search {
        final int[] queue;
        private final int[] seen;
        private int stamp;

        Search(int n) {
            queue = new int[n];
            seen = new int[n];
        }

        /** Searches from {@code start} until {@code limit} are reached; they end up in queue[0, returned count). */
        int run(int start, Direction direction, int limit, double[] scoreI, double[] scoreJ) {
            stamp++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = stamp;
            while (head < tail && tail < limit) {
                int u = queue[head++];
                for (int e = offset[u]; e < offset[u + 1] && tail < limit; e++) {
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
}
