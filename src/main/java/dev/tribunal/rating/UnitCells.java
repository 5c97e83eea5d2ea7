package dev.tribunal.rating;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which cells of {@link PairCounts} the battles of each unit (cluster) fall in: entries (unit, cell, count). A
 * battle without a unit is a unit of its own. The cluster bootstrap draws G units with replacement out of the G
 * (a Multinomial(G, 1/G) over the units, by {@link MultinomialResampler}) and counts each cell
 * Σ_units drawn_u · count_{u,cell}: O(G + entries) a round, entries ≤ battles.
 */
final class UnitCells {
    final String kind;
    final int units;
    final int[] entryUnit;
    final int[] entryCell;
    final long[] entryCount;

    private UnitCells(String kind, int units, int[] entryUnit, int[] entryCell, long[] entryCount) {
        this.kind = kind;
        this.units = units;
        this.entryUnit = entryUnit;
        this.entryCell = entryCell;
        this.entryCount = entryCount;
    }

    /** Cell counts of one resample of the units into {@code drawn} (length: the cells). */
    void cellCounts(long[] unitsDrawn, long[] drawn) {
        Arrays.fill(drawn, 0);
        for (int e = 0; e < entryUnit.length; e++) {
            long times = unitsDrawn[entryUnit[e]];
            if (times != 0) drawn[entryCell[e]] += times * entryCount[e];
        }
    }

    static final class Builder {
        private final String kind;
        private final Map<String, Integer> named = new HashMap<>();
        private final CellIndex entries = new CellIndex(2);
        private final long[] key = new long[2];
        private long[] counts = new long[64];
        private int units;
        private int unnamed;

        Builder(String kind) {
            this.kind = kind;
        }

        void add(String unit, int cell) {
            int u;
            if (unit == null) {
                u = units++;
                unnamed++;
            } else {
                Integer known = named.get(unit);
                if (known == null) {
                    known = units++;
                    named.put(unit, known);
                }
                u = known;
            }
            key[0] = u;
            key[1] = cell;
            int entry = entries.indexOf(key);
            if (entry == counts.length) counts = Arrays.copyOf(counts, 2 * counts.length);
            counts[entry]++;
        }

        /** Battles that had no unit and are their own. */
        int unnamed() {
            return unnamed;
        }

        /** @param position where each cell passed to {@link #add} ended up in the {@link PairCounts} */
        UnitCells build(int[] position) {
            int size = entries.size();
            int[] unit = new int[size];
            int[] cell = new int[size];
            for (int e = 0; e < size; e++) {
                unit[e] = (int) entries.field(e, 0);
                cell[e] = position[(int) entries.field(e, 1)];
            }
            return new UnitCells(kind, units, unit, cell, Arrays.copyOf(counts, size));
        }
    }
}
