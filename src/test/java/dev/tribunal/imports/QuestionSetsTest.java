package dev.tribunal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tribunal.store.Answer;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Question;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled question sets, JSON Lines of prompts, and Arena-Hard's answer files, on a real SQLite store. */
class QuestionSetsTest {

    @TempDir
    Path dir;
    private Database db;
    private QuestionSets sets;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("q.db"));
        sets = new QuestionSets(db, Path.of("data"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void arenaHardLoadsOnFirstUseWithCategoryAndClusterInFileOrderAndOnlyOnce() {
        List<Question> all = sets.questions("arena-hard-v0.1", null);
        assertThat(all).hasSize(500);
        Question first = all.getFirst();
        assertThat(first.externalKey()).isEqualTo("arena-hard-v0.1:328c149ed45a41c0b9d6f14659e63599");
        assertThat(first.category()).isEqualTo("arena-hard-v0.1");
        assertThat(first.topic()).isEqualTo("ABC Sequence Puzzles & Groups");
        assertThat(first.prompt()).startsWith("Use ABC notation");
        assertThat(first.userTurns()).hasSize(1);
        assertThat(sets.questions("arena-hard-v0.1", 3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(sets.loadBundled("arena-hard-v0.1")).isZero();
        assertThat(db.bench().questions("arena-hard-v0.1")).hasSize(500);
    }

    @Test
    void mtBenchHasEightyTwoTurnQuestionsWithGpt4ReferencesForMathReasoningAndCoding() {
        List<Question> all = sets.questions("mt-bench", null);
        assertThat(all).hasSize(80).allSatisfy(q -> assertThat(q.userTurns()).hasSize(2));
        assertThat(all).extracting(Question::category).containsOnly("writing", "roleplay", "reasoning", "math",
                "coding", "extraction", "stem", "humanities");
        // GPT-4's reference answers cover math, reasoning and coding; a few other questions carry their own
        List<Question> gpt4Reference = all.stream().filter(q -> List.of("math", "reasoning", "coding")
                .contains(q.category())).toList();
        assertThat(gpt4Reference).hasSize(30).allSatisfy(q -> {
            assertThat(q.references()).hasSize(2);
            assertThat(q.reference()).isEqualTo(q.references().getFirst()).isNotBlank();
        });
        Question q101 = all.stream().filter(q -> q.externalKey().equals("mt-bench:101")).findFirst().orElseThrow();
        assertThat(q101.referenceFor(1)).contains("second to last");
        assertThat(sets.list()).extracting(QuestionSets.SetInfo::name).contains("arena-hard-v0.1", "mt-bench");
    }

    @Test
    void anyJsonLinesOfPromptsImportsIdempotently() throws Exception {
        Path file = dir.resolve("mine.jsonl");
        Files.writeString(file, """
                {"uid": "a", "prompt": "What is 2+2?", "category": "math", "reference": "4"}
                {"question_id": 7, "turns": ["Write a haiku.", "Now make it rhyme."]}
                """);
        assertThat(sets.importFile(file, "mine")).isEqualTo(new QuestionSets.Imported(2, 2));
        assertThat(sets.importFile(file, "mine")).isEqualTo(new QuestionSets.Imported(2, 0));
        List<Question> qs = sets.questions("mine", null);
        assertThat(qs).extracting(Question::externalKey).containsExactly("mine:a", "mine:7");
        assertThat(qs.getFirst().reference()).isEqualTo("4");
        assertThat(qs.get(1).userTurns()).containsExactly("Write a haiku.", "Now make it rhyme.");
    }

    @Test
    void badPromptFilesAreRefusedNamingTheLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"uid\": \"a\", \"prompt\": \"ok\"}\n{\"uid\": \"b\"}\n");
        assertThatThrownBy(() -> sets.importFile(file, "bad")).isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2: needs 'prompt' (a non-empty text) or 'turns' (an array of non-empty texts)");
        Files.writeString(file, "{\"uid\": \"a\", \"prompt\": \"ok\"}\nnot json\n");
        assertThatThrownBy(() -> sets.importFile(file, "bad")).hasMessageStartingWith(file + ":2: not JSON");
        assertThat(db.bench().questions("bad")).isEmpty();
        assertThatThrownBy(() -> sets.questions("nope", null)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("no question set named 'nope'");
    }

    /** Arena-Hard's show_result.py: avg_tokens = int(mean of token_len), token_len = cl100k count of the answer. */
    @Test
    void bundledAnswersGiveArenaHardsPublishedAverageTokenCounts() {
        List<String> found = sets.importBundledAnswers("arena-hard-v0.1",
                List.of("gpt-4-0314", "gpt-4-0613", "gpt-3.5-turbo-0125", "no-such-model"));
        assertThat(found).containsExactly("gpt-4-0314", "gpt-4-0613", "gpt-3.5-turbo-0125");
        assertThat(averageTokens("gpt-4-0314")).isEqualTo(423);
        assertThat(averageTokens("gpt-4-0613")).isEqualTo(354);
        assertThat(averageTokens("gpt-3.5-turbo-0125")).isEqualTo(329);
        // a second import adds nothing
        assertThat(sets.importAnswers(List.of(Path.of("data/answers/arena-hard-v0.1/gpt-4-0613.jsonl")),
                "arena-hard-v0.1")).isEqualTo(new QuestionSets.Imported(500, 0));
    }

    private long averageTokens(String model) {
        long id = db.contestants().find(ContestantKind.MODEL, model).orElseThrow().id();
        List<Answer> answers = db.bench().answersInSet("arena-hard-v0.1", List.of(id));
        assertThat(answers).hasSize(500);
        return (long) answers.stream().mapToLong(Answer::tokens).average().orElseThrow();
    }
}
