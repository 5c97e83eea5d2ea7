package dev.tribunal.rating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Battles aggregated for rating: per distinct (a, b, outcome, weight) cell the number of battles, which is all
 * Bradley–Terry and its bootstrap need; a battle (b, a, 1 − outcome) falls in the same cell as (a, b, outcome). Callers add battles one at a time through {@link #builder()} and need not
 * hold them all. Online Elo needs the battle sequence ({@link Builder#keepRows()}) and style control the answer
 * styles ({@link Builder#keepStyle()}); {@link #of(List)} keeps both. Immutable once built.
 */
public final class BattleSet {
    private final List<String> contestants;
    private final PairCounts cells;
    private final BattleRows rows;          // null unless kept
    private final StyleCells styleCells;    // null unless kept
    private final UnitCells units;          // null unless kept
    private final long battlesWithoutUnit;
    private final long battleCount;

    private BattleSet(List<String> contestants, PairCounts cells, BattleRows rows, StyleCells styleCells,
                      UnitCells units, long battlesWithoutUnit, long battleCount) {
        this.contestants = contestants;
        this.cells = cells;
        this.rows = rows;
        this.styleCells = styleCells;
        this.units = units;
        this.battlesWithoutUnit = battlesWithoutUnit;
        this.battleCount = battleCount;
    }

    /** All of {@code battles}, keeping the sequence and the styles. */
    public static BattleSet of(List<Battle> battles) {
        Builder builder = builder().keepRows().keepStyle();
        for (Battle battle : battles) builder.add(battle);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Contestants in order of first appearance. */
    public List<String> contestants() {
        return contestants;
    }

    /** Sum of the battles' weights. */
    public double totalWeight() {
        return cells.totalWeight();
    }

    /** Number of battles added. */
    public long battleCount() {
        return battleCount;
    }

    /** Number of distinct (a, b, outcome, weight) cells, (b, a, 1 − outcome) counting as (a, b, outcome). */
    public int cellCount() {
        return cells.size();
    }

    public boolean hasRows() {
        return rows != null;
    }

    public boolean hasStyle() {
        return styleCells != null;
    }

    /** Whether the battles' units were kept ({@link Builder#keepUnits}), for the cluster bootstrap. */
    public boolean hasUnits() {
        return units != null;
    }

    /** Units kept: how many distinct units (a battle without one counts as its own). */
    public int unitCount() {
        return units == null ? 0 : units.units;
    }

    /** Units kept: the battles that had no unit (each its own). */
    public long battlesWithoutUnit() {
        return battlesWithoutUnit;
    }

    UnitCells units() {
        if (units == null) throw new IllegalStateException("the units were not kept: build with keepUnits()");
        return units;
    }

    PairCounts cells() {
        return cells;
    }

    BattleRows rows() {
        if (rows == null) throw new IllegalStateException("the battle sequence was not kept: build with keepRows()");
        return rows;
    }

    StyleCells styleCells() {
        if (styleCells == null) throw new IllegalStateException("answer styles were not kept: build with keepStyle()");
        return styleCells;
    }

    /** Adds battles one at a time; not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final CellTable cellTable = new CellTable();
        private BattleRows.Builder rows;
        private StyleCells.Builder style;
        private UnitCells.Builder units;
        private long battleCount;
        private boolean built;

        private Builder() {
        }

        /** Keeps the time-ordered sequence of battles, which online Elo needs (costs memory per battle). */
        public Builder keepRows() {
            if (rows == null) rows = new BattleRows.Builder();
            return this;
        }

        /** Keeps the answer styles, which style control needs (aggregated per distinct feature vector). */
        public Builder keepStyle() {
            if (style == null) style = new StyleCells.Builder();
            return this;
        }

        /**
         * Keeps which unit ({@link Battle#unit()}: a question, voter or sample, named by {@code kind}) each battle
         * belongs to, for the cluster bootstrap; a battle without a unit is its own.
         */
        public Builder keepUnits(ClusterBy kind) {
            if (units == null) units = new UnitCells.Builder(kind.label());
            return this;
        }

        public Builder add(Battle battle) {
            if (built) throw new IllegalStateException("already built");
            int a = indexOf(battle.a());
            int b = indexOf(battle.b());
            // (b, a, 1 − o) is the same evidence as (a, b, o): one cell for both halves the bootstrap's work
            int cell = a > b ? cellTable.add(b, a, 1 - battle.outcome(), battle.weight())
                    : cellTable.add(a, b, battle.outcome(), battle.weight());
            if (units != null) units.add(battle.unit(), cell);
            if (rows != null) rows.add(a, b, battle.outcome(), battle.weight(), battle.time());
            if (style != null) style.add(a, b, battle);
            battleCount++;
            return this;
        }

        public BattleSet build() {
            built = true;
            int[] position = new int[cellTable.size()];
            PairCounts pairs = PairCounts.of(names.size(), cellTable.a(), cellTable.b(), cellTable.outcome(),
                    cellTable.weight(), cellTable.count(), position);
            return new BattleSet(Collections.unmodifiableList(new ArrayList<>(names)), pairs,
                    rows == null ? null : rows.build(), style == null ? null : style.build(),
                    units == null ? null : units.build(position), units == null ? 0 : units.unnamed(), battleCount);
        }

        private int indexOf(String name) {
            Integer i = index.get(name);
            if (i != null) return i;
            index.put(name, names.size());
            names.add(name);
            return names.size() - 1;
        }
    }
}
