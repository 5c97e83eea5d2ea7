package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tribunal.rating.Battle;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    private static final String GOOD = "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"}";

    @TempDir
    Path dir;

    @Test
    void aMalformedLineStopsWithFileAndLine() {
        Path file = Imported.write(dir, "rows.jsonl", GOOD, "", "{\"model_a\": \"x\", \"model_b\": ", GOOD);

        assertThatThrownBy(() -> Imported.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":3: ")
                .hasMessageEndingWith("(the record does not end on its line: is the line cut short?)");
    }

    @Test
    void skipBadCountsAndReportsEachKindOfBadLine() {
        Path file = Imported.write(dir, "rows.jsonl", GOOD,
                "{\"model_a\": \"x\", \"model_b\": ",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_c\"}",
                "{\"model_a\": \"x\", \"model_b\": \"x\", \"winner\": \"tie\"}",
                "{\"model_a\": \"x\", \"winner\": \"tie\"}",
                "[1, 2]",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\", \"weight\": -1}",
                GOOD);

        Imported imported = Imported.read(ImportSettings.defaults().withSkipBad(true), null, file);

        assertThat(imported.battles()).hasSize(2);
        assertThat(imported.counts().badRecords()).isEqualTo(6);
        assertThat(imported.counts().notes()).singleElement().asString()
                .startsWith("skipped 6 malformed record(s); the first: " + file + ":2: ")
                .endsWith("(the record does not end on its line: is the line cut short?)");
    }

    @Test
    void aLineCutShortDoesNotSwallowTheNextEvenGzipped() throws IOException {
        String cut = "{\"model_a\": \"x\", \"model_b\": \"y\", \"judge\": ";
        String text = String.join("\n", GOOD, cut, GOOD.replace("model_a\"}", "model_b\"}"), cut, cut, "", GOOD, cut) + "\n";
        Path gzipped = dir.resolve("rows.jsonl.gz");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gzipped)), StandardCharsets.UTF_8)) {
            out.write(text);
        }

        Imported imported = Imported.read(ImportSettings.defaults().withSkipBad(true), null, gzipped);

        assertThat(imported.battles()).extracting(Battle::outcome, Battle::time).containsExactly(
                tuple(1.0, 0L), tuple(0.0, 2L), tuple(1.0, 5L));
        assertThat(imported.counts().badRecords()).isEqualTo(4);
        assertThat(imported.counts().records()).isEqualTo(7);
    }

    @Test
    void eachProblemIsNamed() {
        assertProblem("{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_c\"}", ":1: unknown winner \"model_c\"");
        assertProblem("{\"model_a\": \"x\", \"model_b\": \"x\", \"winner\": \"tie\"}", ":1: a battle needs two different contestants: x");
        assertProblem("{\"model_a\": \"x\", \"winner\": \"tie\"}", ":1: no 'model_b'");
        assertProblem("{\"model_a\": {\"name\": \"x\"}, \"model_b\": \"y\", \"winner\": \"tie\"}", ":1: 'model_a' must be a string, not an object");
        assertProblem("{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\", \"tstamp\": \"noon\"}", ":1: 'tstamp' must be a number");
    }

    private void assertProblem(String line, String message) {
        Path file = Imported.write(dir, "one.jsonl", line);
        assertThatThrownBy(() -> Imported.read(file)).isInstanceOf(BadInputException.class).hasMessageContaining(file + message);
    }

    @Test
    void aBadElementOfAJsonArrayIsSkippedWholeWithSkipBad() {
        Path file = Imported.write(dir, "annotations.json", "[",
                "{\"generator_1\": \"base\", \"generator_2\": \"m\", \"preference\": 3, \"raw\": {\"deep\": [1, {\"x\": 2}]}},",
                "{\"generator_1\": \"base\", \"generator_2\": \"m\", \"preference\": {\"p\": 1}, \"raw\": {\"deep\": [1]}},",
                "{\"generator_1\": \"base\", \"generator_2\": \"m\", \"preference\": 1.5}",
                "]");

        Imported imported = Imported.read(ImportSettings.defaults().withSkipBad(true), null, file);

        assertThat(imported.battles()).hasSize(1);
        assertThat(imported.counts().badRecords()).isEqualTo(2);
        assertThat(imported.counts().notes().get(0)).contains(file + ":2: 'preference' must be in [1, 2]: 3.0");
        assertThatThrownBy(() -> Imported.read(file)).hasMessage(file + ":2: 'preference' must be in [1, 2]: 3.0");
    }

    @Test
    void brokenSyntaxInAJsonArrayStopsEvenWithSkipBad() {
        Path file = Imported.write(dir, "annotations.json", "[",
                "{\"generator_1\": \"base\", \"generator_2\": \"m\", \"preference\": 1.5},",
                "{\"generator_1\": \"base\" \"generator_2\": \"m\"}",
                "]");

        assertThatThrownBy(() -> Imported.read(ImportSettings.defaults().withSkipBad(true), null, file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":3: malformed JSON");
    }

    @Test
    void csvProblemsNameTheLine() {
        Path missing = Imported.write(dir, "cols.csv", "a,b,outcome", "x,y,1");
        assertThatThrownBy(() -> Imported.read(missing)).hasMessage(missing
                + ": a battle CSV needs the columns model_a, model_b, winner (or left, right, winner); found [a, b, outcome]");

        Path rows = Imported.write(dir, "rows.csv", "left,right,winner", "x,y,left", "x,y", "x,y,up", "x,y,tie");
        assertThatThrownBy(() -> Imported.read(rows)).hasMessage(rows + ":3: the row has no 'winner' cell");
        Imported skipped = Imported.read(ImportSettings.defaults().withSkipBad(true), null, rows);
        assertThat(skipped.battles()).hasSize(2);
        assertThat(skipped.counts().badRecords()).isEqualTo(2);
        assertThat(skipped.counts().notes().get(0)).endsWith(rows + ":3: the row has no 'winner' cell");
    }

    @Test
    void aMissingFileIsNamed() {
        Path nowhere = dir.resolve("nowhere.jsonl");
        assertThatThrownBy(() -> Imported.read(nowhere)).hasMessage(nowhere + ": no such file or directory");
    }

    @Test
    void aBrokenGzipIsNamed() {
        Path file = Imported.write(dir, "rows.json.gz", GOOD);
        assertThatThrownBy(() -> Imported.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": cannot read it as gzip");
    }
}
