package dev.tribunal.imports;

import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.ClusterBy;
import java.util.Objects;
import java.util.function.Consumer;

/** Where readers put battles: keeps those of the asked-for category, counts them, and passes them on. */
final class BattleSink {
    private final Consumer<Battle> downstream;
    private final String category;
    private final ClusterBy clusterBy;
    private final ImportCounts counts;
    private final NameCache names = new NameCache();

    BattleSink(Consumer<Battle> downstream, String category, ClusterBy clusterBy, ImportCounts counts) {
        this.downstream = downstream;
        this.category = category;
        this.clusterBy = clusterBy;
        this.counts = counts;
    }

    /** What a record says about the units its battles share (each null when it does not say). */
    record Units(String question, String voter, String sample) {
        static final Units NONE = new Units(null, null, null);
    }

    /** As {@link #emit(String, String, double, double, String, long, AnswerStyle, AnswerStyle, Units)}, without units. */
    void emit(String a, String b, double outcome, double weight, String category, long time,
              AnswerStyle styleA, AnswerStyle styleB) {
        emit(a, b, outcome, weight, category, time, styleA, styleB, Units.NONE);
    }

    /**
     * Makes the battle, in the unit the import clusters by, and passes it on; a missing name or an out-of-range
     * number makes the record bad.
     */
    void emit(String a, String b, double outcome, double weight, String category, long time,
              AnswerStyle styleA, AnswerStyle styleB, Units units) {
        if (a == null || a.isBlank()) throw new BadRecord("no first contestant");
        if (b == null || b.isBlank()) throw new BadRecord("no second contestant");
        Battle battle;
        try {
            String unit = switch (clusterBy) {
                case NONE -> null;
                case QUESTION -> units.question();
                case VOTER -> units.voter();
                case SAMPLE -> units.sample();
            };
            battle = new Battle(a, b, outcome, weight, category, time, styleA, styleB, unit);
        } catch (IllegalArgumentException e) {
            throw new BadRecord(e.getMessage());
        }
        accept(battle);
    }

    void accept(Battle battle) {
        if (category != null && !Objects.equals(category, battle.category())) {
            counts.addOtherCategory();
            return;
        }
        counts.addBattle(battle.weight(), battle.hasStyle());
        downstream.accept(battle);
    }

    /** The 0-based position of the record being read among all records of the import: the time of undated battles. */
    long position() {
        return counts.records() - 1;
    }

    /** Contestant names shared across the import's files. */
    NameCache names() {
        return names;
    }

    ImportCounts counts() {
        return counts;
    }
}
