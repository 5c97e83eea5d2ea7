package dev.tribunal.bench.collective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    @Test
    void jaccardOfWordSetsIgnoringCaseAndPunctuation() {
        assertThat(NearDuplicates.similarity(NearDuplicates.words("What is 2 + 2?"),
                NearDuplicates.words("what IS 2+2"))).isEqualTo(1.0);
        // {explain, the, causes, of, ww1} vs {explain, the, causes, of, ww2}: 4 shared of 6
        assertThat(NearDuplicates.similarity(NearDuplicates.words("Explain the causes of WW1."),
                NearDuplicates.words("Explain the causes of WW2."))).isEqualTo(4.0 / 6);
        assertThat(NearDuplicates.any("Explain the causes of WW1.", List.of("Write a haiku about rain",
                "Explain the causes of WW2."), 0.6)).isTrue();
        assertThat(NearDuplicates.any("Explain the causes of WW1.", List.of("Explain the causes of WW2."), 0.7)).isFalse();
        assertThat(NearDuplicates.any("anything", List.of(), 0.1)).isFalse();
    }
}
