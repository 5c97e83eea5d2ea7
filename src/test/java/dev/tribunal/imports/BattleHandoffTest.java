package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.rating.Battle;
import dev.tribunal.rating.BattleSet;
import dev.tribunal.rating.ClusterBy;
import dev.tribunal.rating.RatingEngine;
import dev.tribunal.rating.RatingMethod;
import dev.tribunal.rating.RatingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BattleHandoffTest {

    @TempDir
    Path dir;

    /** What rate does (import through the handoff) against the reader calling the builder itself. */
    @Test
    void aggregatesAsTheReaderAloneDoes() {
        Path file = Imported.write(dir, "rows.jsonl", rows(20_000, -1));
        ImportSettings settings = ImportSettings.defaults().withSkipBad(true).withClusterBy(ClusterBy.QUESTION);

        BattleSet.Builder direct = builder();
        ImportCounts directCounts = new BattleImporter(settings).read(List.of(file), null, direct::add);
        BattleSet.Builder handedOff = builder();
        ImportCounts handedOffCounts;
        try (BattleHandoff handoff = new BattleHandoff(handedOff::add)) {
            handedOffCounts = new BattleImporter(settings).read(List.of(file), null, handoff);
        }

        BattleSet expected = direct.build();
        BattleSet actual = handedOff.build();
        assertThat(actual.contestants()).containsExactlyElementsOf(expected.contestants());
        assertThat(actual.battleCount()).isEqualTo(expected.battleCount()).isGreaterThan(19_000);
        assertThat(actual.cellCount()).isEqualTo(expected.cellCount());
        assertThat(actual.totalWeight()).isEqualTo(expected.totalWeight());
        assertThat(actual.unitCount()).isEqualTo(expected.unitCount());
        assertThat(handedOffCounts.notes()).isEqualTo(directCounts.notes()).isNotEmpty();
        RatingOptions bt = RatingOptions.defaults().withRounds(20).withThreads(1);
        assertThat(RatingEngine.rate(actual, bt)).isEqualTo(RatingEngine.rate(expected, bt));
        RatingOptions elo = bt.withMethod(RatingMethod.ELO);
        assertThat(RatingEngine.rate(actual, elo)).isEqualTo(RatingEngine.rate(expected, elo));
    }

    @Test
    void aBadLineStopsTheImportWithItsLine() {
        Path file = Imported.write(dir, "rows.jsonl", rows(12_000, 9_876));
        ImportSettings settings = ImportSettings.defaults();
        List<Battle> kept = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (BattleHandoff handoff = new BattleHandoff(kept::add)) {
                new BattleImporter(settings).read(List.of(file), null, handoff);
            }
        }).isInstanceOf(BadInputException.class).hasMessage(file + ":9876: unknown winner \"model_c\": expected"
                + " model_a, model_b, tie or tie (bothbad) (or left, right)");
        assertThat(kept).hasSize(9_875);   // the rows before it, all taken before close() returned
    }

    private static BattleSet.Builder builder() {
        return BattleSet.builder().keepRows().keepUnits(ClusterBy.QUESTION);
    }

    /**
     * Battle rows among 40 models, some undated, weighted or with a question, some against themselves (bad
     * records) and one cut short (from where on the reader goes line by line); line
     * {@code badWinnerLine} (1-based), unless -1, names an unknown winner.
     */
    private static String[] rows(int count, int badWinnerLine) {
        Random random = new Random(7);
        String[] winners = {"model_a", "model_b", "tie", "tie (bothbad)"};
        String[] rows = new String[count];
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(40);
            int b = (a + 1 + random.nextInt(39)) % 40;
            String winner = i + 1 == badWinnerLine ? "model_c" : winners[random.nextInt(winners.length)];
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                    "{\"model_a\": \"m-%d\", \"model_b\": \"m-%d\", \"winner\": \"%s\"", a, b, winner));
            if (i % 3 != 0) row.append(", \"tstamp\": ").append(1_700_000_000 + random.nextInt(100_000));
            if (i % 5 == 0) row.append(", \"weight\": 2.5");
            if (i % 7 == 0) row.append(", \"question_id\": \"q").append(random.nextInt(500)).append('"');
            if (badWinnerLine < 0 && i % 991 == 100) row = new StringBuilder("{\"model_a\": \"m-1\", \"model_b\": \"m-1\"");
            rows[i] = i % 997 == 500 && badWinnerLine < 0 ? "{\"model_a\": \"m-1\"," : row.append('}').toString();
        }
        return rows;
    }

    @Test
    void passesEveryBattleOnInOrderFromOneThreadByClose() {
        List<Battle> sent = new ArrayList<>();
        for (int i = 0; i < 10_007; i++) sent.add(new Battle("m" + i % 13, "n" + i % 7, i % 3 / 2.0, 1, null, i, null, null));
        List<Battle> received = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        try (BattleHandoff handoff = new BattleHandoff(battle -> {
            received.add(battle);
            if (threads.isEmpty() || threads.getLast() != Thread.currentThread()) threads.add(Thread.currentThread());
        })) {
            sent.forEach(handoff);
        }

        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
    }

    @Test
    void rethrowsWhatTheConsumerThrewAndStillEnds() {
        AtomicInteger taken = new AtomicInteger();
        BattleHandoff handoff = new BattleHandoff(battle -> {
            if (taken.incrementAndGet() == 5) throw new IllegalStateException("consumer broke");
        });

        assertThatThrownBy(() -> {
            try (handoff) {
                for (int i = 0; i < 100_000; i++) handoff.accept(Battle.of("a", "b", 1));
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("consumer broke");
        assertThat(taken).hasValue(5);
    }

    @Test
    void closesOnAReadersFailureWithoutHiding() {
        List<Battle> received = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (BattleHandoff handoff = new BattleHandoff(received::add)) {
                handoff.accept(Battle.of("a", "b", 1));
                throw new BadInputException("f.jsonl:2: malformed JSON");
            }
        }).isInstanceOf(BadInputException.class).hasMessage("f.jsonl:2: malformed JSON");
        assertThat(received).hasSize(1);
    }
}
