package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.rating.AnswerStyle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleTableTest {

    @TempDir
    Path dir;

    @Test
    void joinsAnswerStylesToJudgmentsAndRowsByQuestionAndModel() {
        Path styles = Imported.write(dir, "styles.jsonl",
                "{\"question_id\": \"q1\", \"model\": \"base\", \"tokens\": 400, \"headers\": 1, \"list_items\": 2, \"bold\": 3}",
                "{\"uid\": \"q1\", \"model_id\": \"m\", \"metadata\": {\"token_len\": 250, \"header_count\": {\"h1\": 1, \"h2\": 1},"
                        + " \"list_count\": {\"ordered\": 4, \"unordered\": 0}, \"bold_count\": {\"**\": 2, \"__\": 0}}}",
                "{\"question_id\": 5, \"model\": \"x\", \"tokens\": 10}",
                "{\"question_id\": 5, \"model\": \"y\", \"tokens\": 20}");
        StyleTable table = StyleTable.read(List.of(styles));
        Path judgments = Imported.write(dir, "m.jsonl",
                "{\"question_id\": \"q1\", \"model\": \"m\", \"games\": [{\"score\": \"A>B\"}, {\"score\": \"A>B\"}]}",
                "{\"question_id\": \"q2\", \"model\": \"m\", \"games\": [{\"score\": \"A>B\"}, {\"score\": \"A>B\"}]}");
        Path rows = Imported.write(dir, "rows.jsonl", "{\"question_id\": 5, \"model_a\": \"y\", \"model_b\": \"x\", \"winner\": \"tie\"}");

        Imported fromJudgments = Imported.read(ImportSettings.defaults().withBaseline("base").withStyles(table), null, judgments);
        Imported fromRows = Imported.read(ImportSettings.defaults().withStyles(table), null, rows);

        assertThat(table.size()).isEqualTo(4);
        assertThat(fromJudgments.battles().get(0).styleA()).isEqualTo(new AnswerStyle(400, 1, 2, 3));
        assertThat(fromJudgments.battles().get(1).styleB()).isEqualTo(new AnswerStyle(250, 2, 4, 2));
        assertThat(fromJudgments.battles().subList(2, 4)).noneMatch(battle -> battle.hasStyle());
        assertThat(fromJudgments.counts().battlesWithStyle()).isEqualTo(2);
        assertThat(fromRows.battles().get(0).styleA()).isEqualTo(new AnswerStyle(20, 0, 0, 0));
    }

    @Test
    void aStyleWithoutTokensIsBad() {
        Path styles = Imported.write(dir, "styles.jsonl", "{\"question_id\": \"q1\", \"model\": \"m\", \"headers\": 1}");
        assertThatThrownBy(() -> StyleTable.read(List.of(styles)))
                .isInstanceOf(BadInputException.class).hasMessage(styles + ":1: the style has no 'tokens'");
    }
}
