package dev.tribunal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The three coefficients on data small enough to follow by hand, and how their bootstrap intervals behave. */
class CorrelationTest {

    /**
     * x = 1, 2, 3, 4 and y = 1, 3, 2, 4: Pearson r = Σ dx·dy / √(Σ dx² Σ dy²) = 4 / 5 = 0.8 (deviations ±1.5, ±0.5);
     * the ranks equal the values, so ρ = 0.8 too; of the 6 pairs 5 are concordant and 1 discordant, τ-b = 4 / 6.
     */
    @Test
    void coefficientsByHand() {
        Correlation c = Correlation.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}, 0, 1);
        assertThat(c.n()).isEqualTo(4);
        assertThat(c.pearson().value()).isCloseTo(0.8, within(1e-12));
        assertThat(c.spearman().value()).isCloseTo(0.8, within(1e-12));
        assertThat(c.kendall().value()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(c.pearson().lower()).isNaN();
        assertThat(c.pearson().rounds()).isZero();
    }

    /** Ties: x = 1, 1, 2, 3 and y = 1, 2, 3, 4. n0 = 6, n1 = 1 tie in x, n2 = 0; 5 concordant, 0 discordant: τ-b = 5 / √30. */
    @Test
    void kendallIsTauB() {
        Correlation c = Correlation.of(new double[] {1, 1, 2, 3}, new double[] {1, 2, 3, 4}, 0, 1);
        assertThat(c.kendall().value()).isCloseTo(5 / Math.sqrt(30), within(1e-12));
    }

    @Test
    void intervalsContainTheValueNarrowWithMoreModelsAndAreSeeded() {
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
            y[i] = x[i] + 0.3 * random.nextDouble();
        }
        Correlation many = Correlation.of(x, y, 500, 7);
        Correlation few = Correlation.of(java.util.Arrays.copyOf(x, 20), java.util.Arrays.copyOf(y, 20), 500, 7);
        for (Correlation c : new Correlation[] {many, few}) {
            for (Correlation.Coefficient k : new Correlation.Coefficient[] {c.pearson(), c.spearman(), c.kendall()}) {
                assertThat(k.lower()).isLessThan(k.value());
                assertThat(k.upper()).isGreaterThan(k.value()).isLessThanOrEqualTo(1);
                assertThat(k.rounds()).isEqualTo(500);
            }
        }
        assertThat(many.pearson().upper() - many.pearson().lower()).isLessThan(few.pearson().upper() - few.pearson().lower());
        assertThat(Correlation.of(x, y, 500, 7)).isEqualTo(many);
        assertThat(Correlation.of(x, y, 500, 8)).isNotEqualTo(many);
    }

    @Test
    void aConstantSideHasNoCoefficientAndDegenerateResamplesAreLeftOut() {
        Correlation flat = Correlation.of(new double[] {1, 2, 3}, new double[] {5, 5, 5}, 50, 1);
        assertThat(flat.pearson().value()).isNaN();
        assertThat(flat.kendall().lower()).isNaN();
        // three models: a resample draws one model three times with probability 3 · (1/3)³ = 1/9
        Correlation three = Correlation.of(new double[] {1, 2, 3}, new double[] {1, 3, 2}, 900, 1);
        assertThat(three.pearson().rounds()).isBetween(700, 850);
    }

    /** Points exactly on a line: every resample gives r = 1, an interval of zero width, which is not shown. */
    @Test
    void noZeroWidthInterval() {
        Correlation line = Correlation.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10}, 200, 1);
        assertThat(line.pearson().value()).isCloseTo(1, within(1e-12));
        assertThat(line.pearson().lower()).isNaN();
        assertThat(line.pearson().upper()).isNaN();
        assertThat(line.pearson().rounds()).isPositive();
    }

    @Test
    void refusesWhatItCannotCorrelate() {
        assertThatThrownBy(() -> Correlation.of(new double[] {1, 2}, new double[] {1, 2}, 0, 1)).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> Correlation.of(new double[] {1, 2, 3}, new double[] {1, 2}, 0, 1)).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> Correlation.of(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}, 0, 1)).hasMessageContaining("not finite");
    }
}
