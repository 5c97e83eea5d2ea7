package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {

    @TempDir
    Path dir;

    @Test
    void tellsEachPublicFileApart() {
        assertThat(BattleImporter.detect(Fixtures.ARENA_HARD_BATTLES)).isEqualTo(BattleFormat.BATTLE_ROWS);
        assertThat(BattleImporter.detect(Fixtures.KO_ARENA_HARD_JUDGMENTS.resolve("o1-medium.jsonl")))
                .isEqualTo(BattleFormat.ARENA_HARD_JUDGMENTS);
        assertThat(BattleImporter.detect(Fixtures.ALPACA_EVAL_ANNOTATIONS.resolve("alpaca-7b.json.gz")))
                .isEqualTo(BattleFormat.ALPACA_EVAL);
        assertThat(BattleImporter.detect(Fixtures.LLMFAO_CROWD)).isEqualTo(BattleFormat.CSV);
    }

    @Test
    void readsAJsonArrayOfBattleRowsAfterBlankLines() {
        Path file = Imported.write(dir, "rows.json", "", "  [ {\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"} ]");

        assertThat(BattleImporter.detect(file)).isEqualTo(BattleFormat.BATTLE_ROWS);
        assertThat(Imported.read(file).battles()).hasSize(1);
    }

    @Test
    void saysWhichFieldsItFoundWhenItCannotTell() {
        Path file = Imported.write(dir, "other.jsonl", "{\"question\": \"q\", \"answer\": \"a\"}");

        assertThatThrownBy(() -> BattleImporter.detect(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("other.jsonl: cannot tell the format from the first record's fields [question, answer]")
                .hasMessageContaining("--format (arena-hard, battles, alpaca-eval, csv, prd)");
    }

    @Test
    void aGivenFormatOverridesDetection() {
        Path file = Imported.write(dir, "rows.txt", "model_a,model_b,winner", "x,y,model_b");

        Imported imported = Imported.read(ImportSettings.defaults(), BattleFormat.ofCliName("csv"), file);

        assertThat(imported.battles()).hasSize(1);
        assertThatThrownBy(() -> BattleFormat.ofCliName("xml")).hasMessageContaining("unknown format 'xml'");
    }

    @Test
    void aDirectoryIsReadRecursivelyInPathOrderSkippingOtherFiles() {
        Path sub = dir.resolve("b");
        sub.toFile().mkdir();
        Imported.write(dir, "a.jsonl", "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"}");
        Imported.write(sub, "c.csv", "left,right,winner", "x,y,right");
        Imported.write(dir, "README.md", "not battles");

        Imported imported = Imported.read(dir);

        assertThat(imported.counts().files()).isEqualTo(2);
        assertThat(imported.battles()).extracting(battle -> battle.outcome()).containsExactly(1.0, 0.0);
    }
}
