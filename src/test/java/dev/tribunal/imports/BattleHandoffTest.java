package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.rating.Battle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BattleHandoffTest {

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
