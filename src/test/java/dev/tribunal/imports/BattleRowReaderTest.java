package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.Battle;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BattleRowReaderTest {
    private static final String HAIKU = "claude-3-haiku-20240307";

    @TempDir
    Path dir;

    /** REFERENCE.md §2: per model N, wins, ties, losses against the baseline (model_a, always haiku). */
    @Test
    void readsArenaHardBattlesAsPublished() {
        Imported imported = Imported.read(Fixtures.ARENA_HARD_BATTLES);

        assertThat(imported.battles()).hasSize(2136);
        assertThat(imported.counts().records()).isEqualTo(2136);
        assertThat(imported.battles()).allSatisfy(battle -> {
            assertThat(battle.a()).isEqualTo(HAIKU);
            assertThat(battle.weight()).isEqualTo(1);
        });
        assertTally(imported, "claude-3-5-sonnet-20240620", 544, 480, 5, 59);
        assertTally(imported, "claude-3-opus-20240229", 514, 384, 13, 117);
        assertTally(imported, "gpt-4o", 554, 478, 6, 70);
        assertTally(imported, "gpt-4o-mini", 524, 416, 7, 101);
        // no tstamp: the time is the row's position, which orders online Elo as the file does
        assertThat(imported.battles().stream().mapToLong(Battle::time)).containsExactlyElementsOf(
                LongStream.range(0, 2136).boxed().toList());
    }

    private static void assertTally(Imported imported, String model, int n, int wins, int ties, int losses) {
        var battles = imported.battles().stream().filter(battle -> battle.b().equals(model)).toList();
        assertThat(battles).hasSize(n);
        assertThat(battles.stream().filter(battle -> battle.outcome() == 0)).hasSize(wins);
        assertThat(battles.stream().filter(battle -> battle.outcome() == 0.5)).hasSize(ties);
        assertThat(battles.stream().filter(battle -> battle.outcome() == 1)).hasSize(losses);
    }

    @Test
    void readsChatbotArenaCleanBattlesWithTimeWeightCategoryAndTies() {
        Path file = Imported.write(dir, "clean_battle.json", """
                [
                  {"model_a": "x", "model_b": "y", "winner": "tie (bothbad)", "tstamp": 1700000000.25, "anony": true,
                   "language": "English", "judge": "arena_user_1", "turn": 1, "category": "coding"},
                  {"model_a": "y", "model_b": "z", "winner": "model_b", "tstamp": 1700000001.5, "weight": 2.5,
                   "category_tag": {"math_v0.1": {"math": false}}}
                ]""");

        Imported imported = Imported.read(file);

        assertThat(imported.battles()).containsExactly(
                new Battle("x", "y", 0.5, 1, "coding", 1_700_000_000_250L, null, null),
                new Battle("y", "z", 0, 2.5, null, 1_700_000_001_500L, null, null));
    }

    @Test
    void readsStylesFromTheRowOrFromConvMetadata() {
        Path file = Imported.write(dir, "styled.jsonl",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\","
                        + " \"style_a\": {\"tokens\": 500, \"headers\": 2, \"list_items\": 7, \"bold\": 1},"
                        + " \"style_b\": {\"tokens\": 120}}",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_b\", \"conv_metadata\": {"
                        + "\"sum_assistant_a_tokens\": 300, \"sum_assistant_b_tokens\": 40,"
                        + " \"header_count_a\": {\"h1\": 1, \"h2\": 2, \"h3\": 0}, \"header_count_b\": {\"h1\": 0},"
                        + " \"list_count_a\": {\"ordered\": 3, \"unordered\": 4}, \"list_count_b\": {\"ordered\": 0, \"unordered\": 1},"
                        + " \"bold_count_a\": {\"**\": 5, \"__\": 1}, \"bold_count_b\": {\"**\": 0, \"__\": 0}}}",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\"}");

        Imported imported = Imported.read(file);

        assertThat(imported.battles().get(0).styleA()).isEqualTo(new AnswerStyle(500, 2, 7, 1));
        assertThat(imported.battles().get(0).styleB()).isEqualTo(new AnswerStyle(120, 0, 0, 0));
        assertThat(imported.battles().get(1).styleA()).isEqualTo(new AnswerStyle(300, 3, 7, 6));
        assertThat(imported.battles().get(1).styleB()).isEqualTo(new AnswerStyle(40, 0, 1, 0));
        assertThat(imported.battles().get(2).hasStyle()).isFalse();
        assertThat(imported.counts().battlesWithStyle()).isEqualTo(2);
    }

    @Test
    void keepsOnlyTheAskedForCategory() {
        Path file = Imported.write(dir, "categories.jsonl",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\", \"category\": \"math\"}",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_b\", \"category\": \"coding\"}",
                "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_b\"}");

        Imported imported = Imported.read(ImportSettings.defaults().withCategory("math"), null, file);

        assertThat(imported.battles()).extracting(Battle::outcome).containsExactly(1.0);
        assertThat(imported.counts().otherCategory()).isEqualTo(2);
        assertThat(imported.counts().notes()).containsExactly("left out 2 battle(s) of other categories");
    }

    @Test
    void weightedWinRateOfTheBaselineFileMatchesTheScoreTable() {
        // REFERENCE.md §2: the weighted win rate of sonnet against haiku is 88.694853 %
        Imported imported = Imported.read(Fixtures.ARENA_HARD_BATTLES);
        var sonnet = new Imported(imported.battles().stream()
                .filter(battle -> battle.b().equals("claude-3-5-sonnet-20240620")).toList(), imported.counts());
        assertThat(sonnet.winRatePercent("claude-3-5-sonnet-20240620")).isCloseTo(88.694853, within(1e-6));
    }
}
