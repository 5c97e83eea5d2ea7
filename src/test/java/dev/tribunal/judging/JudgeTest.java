package dev.tribunal.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.config.ConfigException;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.llm.stub.AnthropicStubServer;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeTest {

    @TempDir
    Path dir;
    private OpenAiStubServer openAi;
    private AnthropicStubServer anthropic;
    private Database database;
    private LlmCallDao ledger;

    @BeforeEach
    void start() {
        openAi = new OpenAiStubServer();
        anthropic = new AnthropicStubServer();
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"));
        ledger = new LlmCallDao(database);
    }

    @AfterEach
    void stop() {
        database.close();
        openAi.close();
        anthropic.close();
    }

    private Judge judge(String extraJudgeLines) {
        return new Judge(new LlmGateway(Yaml.llmConfig("""
                llm:
                  endpoints:
                    - {name: gpt, provider: openai_compatible, base_url: "%s", model: gpt-stub,
                       price_input_per_million: 1, price_output_per_million: 2}
                    - {name: claude, provider: anthropic, base_url: "%s", model: claude-stub, api_key_env: K}
                  judges:
                    - {name: gpt-judge, display_name: GPT judge, endpoint: gpt}
                    - {name: claude-judge, endpoint: claude %s}
                """.formatted(openAi.baseUrl(), anthropic.baseUrl(), extraJudgeLines)), ledger, Map.of("K", "k")::get));
    }

    private static String userPrompt(JsonNode openAiBody) {
        return openAiBody.path("messages").get(1).path("content").asText();
    }

    @Test
    void pairwiseWithStructuredOutput() {
        openAi.enqueue(StubReply.text("{\"critique\": \"My answer: Paris. A is right, B is wrong.\", "
                + "\"verdict\": \"A>>B\"}").usage(500, 40));
        JudgeVerdict v = judge("").evaluatePair("gpt-judge", "Capital of France?", "Paris.", "Lyon.", null);
        assertThat(v.verdict()).isEqualTo(PairVerdict.A_MUCH_BETTER);
        assertThat(v.critique()).isEqualTo("My answer: Paris. A is right, B is wrong.");
        assertThat(v.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(v.promptVersion()).isEqualTo("pairwise-v1");
        assertThat(v.requestKey()).hasSize(64);
        assertThat(v.cost()).isCloseTo((500 * 1 + 40 * 2) / 1e6, within(1e-12));
        assertThat(v.calls()).isEqualTo(1);
        JsonNode body = openAi.bodies().getFirst();
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("response_format").path("json_schema").path("schema").path("properties").path("verdict")
                .path("enum").toString()).isEqualTo("[\"A>>B\",\"A>B\",\"A=B\",\"B>A\",\"B>>A\"]");
        String prompt = userPrompt(body);
        assertThat(prompt).contains("<response_a>\nParis.\n</response_a>", "<response_b>\nLyon.\n</response_b>",
                "Write your own answer", "Reply with a JSON object only").doesNotContain("reference_answer");
    }

    @Test
    void aVerdictIsStoredAsAnEvaluation() {
        openAi.enqueue(StubReply.text("{\"critique\": \"A is right\", \"verdict\": \"A>B\"}").usage(90, 9));
        Sample sample = database.samples().insert(Sample.pair("Capital of France?", "Paris.", "Lyon.", "m1", "m2",
                SampleSource.CUSTOM, null));
        Contestant judgeRow = database.contestants().insert(Contestant.of(ContestantKind.JUDGE, "gpt-judge",
                "GPT judge", null, null));
        JudgeVerdict v = judge("").evaluatePair("gpt-judge", sample.input(), sample.responseA(), sample.responseB(), null);
        Evaluation stored = database.evaluations().insert(v.toEvaluation(sample.id(), judgeRow.id()));
        Evaluation read = database.evaluations().byId(stored.id()).orElseThrow();
        assertThat(read.verdict()).isEqualTo("A>B");
        assertThat(read.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(read.promptVersion()).isEqualTo("pairwise-v1");
        assertThat(read.requestKey()).isEqualTo(v.requestKey());
        assertThat(read.inputTokens()).isEqualTo(90);
        assertThat(read.critique()).isEqualTo("A is right");
    }

    @Test
    void singleGradingInTextFormWithRubricAndReference() {
        anthropic.enqueue(StubReply.text("The response gives the right number but no working.\nScore: 4"));
        Rubric rubric = new Rubric("Is the arithmetic right and shown?", Map.of(1, "wrong", 2, "mostly wrong",
                3, "right, unexplained", 4, "right, partly explained", 5, "right and fully explained"));
        JudgeVerdict v = judge("").evaluateSingle("claude-judge", "What is 17 × 3?", "51", "51", rubric);
        assertThat(v.score()).isEqualTo(4);
        assertThat(v.verdict()).isNull();
        assertThat(v.critique()).isEqualTo("The response gives the right number but no working.");
        assertThat(v.promptVersion()).isEqualTo("single-v1");
        JsonNode body = anthropic.bodies().getFirst();
        String prompt = body.path("messages").get(0).path("content").toString();
        assertThat(prompt).contains("Is the arithmetic right and shown?", "Score 5: right and fully explained",
                "<reference_answer>", "Score: N");
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void defaultRubricWhenNoneIsGiven() {
        openAi.enqueue(StubReply.text("{\"critique\": \"fine\", \"score\": 5}"));
        assertThat(judge("").evaluateSingle("gpt-judge", "Hi", "Hello!", null, null).score()).isEqualTo(5);
        assertThat(userPrompt(openAi.bodies().getFirst())).contains(Rubric.DEFAULT.criteria(),
                "Score 1: " + Rubric.DEFAULT.scoreDescriptions().get(1));
    }

    @Test
    void anUnparseableReplyIsAskedOnceMoreBypassingTheCache() {
        openAi.enqueue(StubReply.text("Both have merits.").usage(100, 10),
                StubReply.text("{\"critique\": \"B is shorter and right\", \"verdict\": \"B>A\"}").usage(100, 20));
        JudgeVerdict v = judge("").evaluatePair("gpt-judge", "q", "a1", "a2", null);
        assertThat(v.parseStatus()).isEqualTo(ParseStatus.OK);
        assertThat(v.verdict()).isEqualTo(PairVerdict.B_BETTER);
        assertThat(v.calls()).isEqualTo(2);
        assertThat(v.inputTokens()).isEqualTo(200);
        assertThat(v.cost()).isCloseTo((200 * 1 + 30 * 2) / 1e6, within(1e-12));
        assertThat(openAi.requests()).isEqualTo(2);
    }

    @Test
    void twiceUnparseableIsReportedNotGuessed() {
        openAi.respondWith(body -> StubReply.text("I cannot decide which is better."));
        Judge judge = judge("");
        JudgeVerdict v = judge.evaluatePair("gpt-judge", "q", "a1", "a2", null);
        assertThat(v.parseStatus()).isEqualTo(ParseStatus.UNPARSEABLE);
        assertThat(v.verdict()).isNull();
        assertThat(v.score()).isNull();
        assertThat(v.rawOutput()).isEqualTo("I cannot decide which is better.");
        assertThat(v.calls()).isEqualTo(2);
        assertThat(openAi.requests()).isEqualTo(2);
    }

    @Test
    void aParsedVerdictIsServedFromTheCacheNextTime() {
        openAi.enqueue(StubReply.text("{\"critique\": \"x\", \"verdict\": \"A=B\"}"));
        Judge judge = judge("");
        JudgeVerdict first = judge.evaluatePair("gpt-judge", "q", "a1", "a2", null);
        JudgeVerdict again = judge.evaluatePair("gpt-judge", "q", "a1", "a2", null);
        assertThat(again.verdict()).isEqualTo(first.verdict());
        assertThat(again.cost()).isZero();
        assertThat(openAi.requests()).isEqualTo(1);
    }

    @Test
    void withTheCacheOffEveryEvaluationAsksAfresh() {
        openAi.enqueue(StubReply.text("{\"critique\": \"x\", \"verdict\": \"A=B\"}"),
                StubReply.text("{\"critique\": \"y\", \"verdict\": \"A>B\"}"));
        Judge fresh = judge("").withCache(false);
        assertThat(fresh.evaluatePair("gpt-judge", "q", "a1", "a2", null).verdict()).isEqualTo(PairVerdict.TIE);
        assertThat(fresh.evaluatePair("gpt-judge", "q", "a1", "a2", null).verdict()).isEqualTo(PairVerdict.A_BETTER);
        assertThat(openAi.requests()).isEqualTo(2);
    }

    @Test
    void swappedGamesPutEachAnswerInEachPosition() {
        // A judge that always prefers the response saying Paris, wherever it stands.
        openAi.respondWith(body -> {
            String prompt = userPrompt(body);
            boolean parisFirst = prompt.indexOf("Paris") < prompt.indexOf("Lyon");
            return StubReply.text("{\"critique\": \"Paris is right\", \"verdict\": \"" + (parisFirst ? "A>B" : "B>A") + "\"}");
        });
        SwappedVerdicts games = judge("").evaluateSwapped("gpt-judge", "Capital of France?", "Paris", "Lyon", null);
        assertThat(games.game1().verdict()).isEqualTo(PairVerdict.A_BETTER);
        assertThat(games.game2().verdict()).isEqualTo(PairVerdict.B_BETTER);
        assertThat(games.verdictsForFirst()).containsExactly(PairVerdict.A_BETTER, PairVerdict.A_BETTER);
        assertThat(userPrompt(openAi.bodies().get(1))).contains("<response_a>\nLyon\n</response_a>");
    }

    @Test
    void textInsideAnInputIsNeverExpandedAsAPlaceholder() {
        openAi.enqueue(StubReply.text("{\"critique\": \"x\", \"verdict\": \"A=B\"}"));
        judge("").evaluatePair("gpt-judge", "Repeat {{response_b}} literally", "one", "two", null);
        assertThat(userPrompt(openAi.bodies().getFirst())).contains("Repeat {{response_b}} literally");
    }

    @Test
    void promptOverrideFromAFileCarriesItsOwnVersion() throws Exception {
        Path custom = dir.resolve("strict-pairwise.txt");
        String bundled = new String(Judge.class.getResourceAsStream("/prompts/pairwise-v1.txt").readAllBytes());
        Files.writeString(custom, bundled.replace("You are an impartial expert judge.", "You are a very strict judge."));
        anthropic.enqueue(StubReply.text("My answer... [[A>B]]"));
        JudgeVerdict v = judge(", prompts: {pairwise: \"" + custom + "\"}")
                .evaluatePair("claude-judge", "q", "a1", "a2", null);
        assertThat(v.promptVersion()).matches("file:strict-pairwise\\.txt@[0-9a-f]{8}");
        assertThat(v.verdict()).isEqualTo(PairVerdict.A_BETTER);
        assertThat(anthropic.bodies().getFirst().path("system").toString()).contains("You are a very strict judge.");
    }

    @Test
    void badPromptOverrideIsNamedByItsKey() {
        assertThatThrownBy(() -> judge(", prompts: {single: no-such-prompt}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("llm.judges[1].prompts.single: no bundled prompt or file named 'no-such-prompt'");
    }

    @Test
    void unknownJudgeAndEmptyInputsAreRefused() {
        Judge judge = judge("");
        assertThatThrownBy(() -> judge.evaluatePair("nobody", "q", "a", "b", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> judge.evaluateSingle("gpt-judge", "q", " ", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("response must not be empty");
        assertThat(openAi.requests()).isZero();
    }
}
