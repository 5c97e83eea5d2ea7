package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BattleSetTest {

    @Test
    void battlesAddedOneByOneAggregateIntoCells() {
        BattleSet.Builder builder = BattleSet.builder();
        for (int k = 0; k < 1000; k++) {
            builder.add(new Battle("x" + (k % 7), "y" + (k % 3), (k % 3) / 2.0, 1 + k % 2, null, k, null, null));
        }
        BattleSet set = builder.build();

        assertThat(set.battleCount()).isEqualTo(1000);
        assertThat(set.totalWeight()).isEqualTo(1500);
        assertThat(set.contestants()).hasSize(10).startsWith("x0", "y0", "x1", "y1");
        // (a, b) is determined by k mod 21, outcome by k mod 3, weight by k mod 2: 42 distinct cells
        assertThat(set.cellCount()).isEqualTo(42);
        assertThat(set.hasRows()).isFalse();
        assertThat(set.hasStyle()).isFalse();
        assertThatThrownBy(() -> builder.add(Battle.of("a", "b", 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ofKeepsTheSequenceAndTheStyles() {
        BattleSet set = BattleSet.of(List.of(Battle.of("a", "b", 1), Battle.of("b", "a", 1), Battle.of("a", "b", 1)));

        assertThat(set.hasRows()).isTrue();
        assertThat(set.hasStyle()).isTrue();
        assertThat(set.cellCount()).isEqualTo(2);
        assertThat(set.contestants()).containsExactly("a", "b");
    }
}
