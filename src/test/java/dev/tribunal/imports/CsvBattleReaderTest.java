package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.rating.Battle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBattleReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsLlmfaoLeftRightWinner() throws IOException {
        Imported imported = Imported.read(Fixtures.LLMFAO_CROWD);

        // data/README.md: 8,931 crowd comparisons of 59 models
        assertThat(imported.battles()).hasSize(8931);
        assertThat(imported.battles().stream().flatMap(battle -> Stream.of(battle.a(), battle.b())).distinct()).hasSize(59);
        // each battle is left vs right with winner's outcome; recount the winner column the plain way
        List<String> lines = Files.readAllLines(Fixtures.LLMFAO_CROWD).subList(1, 8932);
        double leftScore = lines.stream().mapToDouble(line -> switch (line.split(",")[5]) {
            case "left" -> 1;
            case "tie" -> 0.5;
            default -> 0;
        }).sum();
        assertThat(imported.battles().stream().mapToDouble(Battle::outcome).sum()).isEqualTo(leftScore);
        assertThat(imported.battles().get(0)).isEqualTo(new Battle("Airoboros L2 70B", "Weaver 12k", 0.5, 1, null, 0, null, null));
    }

    @Test
    void readsModelAModelBWinnerWithOptionalColumns() {
        Path file = Imported.write(dir, "battles.csv",
                "Model_A,model_b,winner,weight,category,tstamp",
                "x,y,model_a,2,math,1700000000",
                "x,\"y, the second\",tie (bothbad),,,",
                "y,x,model_b,,,");

        Imported imported = Imported.read(file);

        assertThat(imported.battles()).containsExactly(
                new Battle("x", "y", 1, 2, "math", 1_700_000_000_000L, null, null),
                new Battle("x", "y, the second", 0.5, 1, null, 1, null, null),
                new Battle("y", "x", 0, 1, null, 2, null, null));
    }
}
