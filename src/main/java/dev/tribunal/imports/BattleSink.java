package dev.tribunal.imports;

import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.Battle;
import java.util.Objects;
import java.util.function.Consumer;

/** Where readers put battles: keeps those of the asked-for category, counts them, and passes them on. */
final class BattleSink {
    private final Consumer<Battle> downstream;
    private final String category;
    private final ImportCounts counts;
    private final NameCache names = new NameCache();

    BattleSink(Consumer<Battle> downstream, String category, ImportCounts counts) {
        this.downstream = downstream;
        this.category = category;
        this.counts = counts;
    }

    /** Makes the battle and passes it on; a missing name or an out-of-range number makes the record bad. */
    void emit(String a, String b, double outcome, double weight, String category, long time,
              AnswerStyle styleA, AnswerStyle styleB) {
        if (a == null || a.isBlank()) throw new BadRecord("no first contestant");
        if (b == null || b.isBlank()) throw new BadRecord("no second contestant");
        Battle battle;
        try {
            battle = new Battle(a, b, outcome, weight, category, time, styleA, styleB);
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
