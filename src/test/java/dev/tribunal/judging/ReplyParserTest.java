package dev.tribunal.judging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.store.ParseStatus;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyParserTest {

    static Stream<Arguments> pairReplies() {
        return Stream.of(
                Arguments.of("Structured output", """
                        {"critique": "My answer: Paris. A says Paris, B says Lyon.", "verdict": "A>>B"}""",
                        PairVerdict.A_MUCH_BETTER),
                Arguments.of("JSON in a code fence", """
                        Here is my evaluation:
                        ```json
                        {
                          "critique": "Both are correct; B is more concise.",
                          "verdict": "B>A"
                        }
                        ```""", PairVerdict.B_BETTER),
                Arguments.of("JSON with raw newlines and a trailing comma", "{\"critique\": \"line one\nline two\", "
                        + "\"verdict\": \"A=B\",}", PairVerdict.TIE),
                Arguments.of("JSON with single quotes, bracketed label", "{'verdict': '[[B>>A]]', 'critique': 'B is right'}",
                        PairVerdict.B_MUCH_BETTER),
                Arguments.of("Arena-Hard style", """
                        My own answer: The capital of France is Paris.

                        Assistant A correctly states Paris and adds a short history. Assistant B answers Lyon,
                        which is wrong.

                        My final verdict is: Assistant A is significantly better: [[A>>B]]""",
                        PairVerdict.A_MUCH_BETTER),
                Arguments.of("label repeated, same value", "I think [[A>B]] because ... so again [[A>B]]",
                        PairVerdict.A_BETTER),
                Arguments.of("label with spaces", "Final verdict: [[ B > A ]]", PairVerdict.B_BETTER),
                Arguments.of("mirrored label", "Verdict: [[B<A]]", PairVerdict.A_BETTER),
                Arguments.of("single brackets", "Overall A is slightly better. [A>B]", PairVerdict.A_BETTER),
                Arguments.of("bold verdict without brackets", "**Final verdict:** B>>A", PairVerdict.B_MUCH_BETTER),
                Arguments.of("JSON among prose with braces in code", """
                        Response A's code `if (x) { return 1; }` is fine.
                        {"verdict": "A>B", "critique": "A handles the edge case."}""", PairVerdict.A_BETTER),
                Arguments.of("tie spelled out in JSON", "{\"verdict\": \"tie\", \"critique\": \"Same.\"}",
                        PairVerdict.TIE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairReplies")
    void readsPairVerdicts(String shape, String reply, PairVerdict expected) {
        ParsedReply parsed = ReplyParser.parsePair(reply);
        assertThat(parsed.status()).isEqualTo(ParseStatus.OK);
        assertThat(parsed.verdict()).isEqualTo(expected);
        assertThat(parsed.score()).isNull();
    }

    static Stream<Arguments> unreadablePairReplies() {
        return Stream.of(
                Arguments.of("no verdict at all", "Both responses have merits and flaws."),
                Arguments.of("disagreeing labels", "At first [[A>B]] but on reflection [[B>A]]"),
                Arguments.of("winner letter only", "{\"verdict\": \"A\", \"critique\": \"A wins\"}"),
                Arguments.of("invalid label", "[[A>A]]"),
                Arguments.of("two JSON objects disagreeing", "{\"verdict\": \"A>B\"} {\"verdict\": \"B>A\"}"),
                Arguments.of("empty", "   "),
                Arguments.of("truncated JSON", "{\"critique\": \"A is better because"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadablePairReplies")
    void neverGuessesAPairVerdict(String shape, String reply) {
        ParsedReply parsed = ReplyParser.parsePair(reply);
        assertThat(parsed.status()).isEqualTo(ParseStatus.UNPARSEABLE);
        assertThat(parsed.verdict()).isNull();
    }

    static Stream<Arguments> scoreReplies() {
        return Stream.of(
                Arguments.of("structured", "{\"critique\": \"Accurate and clear.\", \"score\": 5}", 5),
                Arguments.of("score as text", "{\"critique\": \"ok\", \"score\": \"4\"}", 4),
                Arguments.of("score as text out of 5", "{\"critique\": \"ok\", \"score\": \"3/5\"}", 3),
                Arguments.of("score as 4.0", "{\"score\": 4.0, \"critique\": \"good\"}", 4),
                Arguments.of("fenced, other field names", "```\n{\"rating\": 2, \"explanation\": \"wrong year\"}\n```", 2),
                Arguments.of("Score: N line", "The response is correct but verbose.\n\nScore: 4", 4),
                Arguments.of("markdown bold", "**Critique:** Misses the second part.\n**Score:** 3", 3),
                Arguments.of("out of 5", "Overall a solid answer. Final score: 4/5", 4),
                Arguments.of("MT-Bench style", "The answer is precise. Rating: [[5]]", 5),
                Arguments.of("a score of", "I would give this response a score of 2 because it is mostly wrong.", 2),
                Arguments.of("repeated, same value", "Score: 3\n...\nFinal score: 3", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreReplies")
    void readsScores(String shape, String reply, int expected) {
        ParsedReply parsed = ReplyParser.parseScore(reply);
        assertThat(parsed.status()).isEqualTo(ParseStatus.OK);
        assertThat(parsed.score()).isEqualTo(expected);
        assertThat(parsed.verdict()).isNull();
    }

    static Stream<Arguments> unreadableScoreReplies() {
        return Stream.of(
                Arguments.of("no score", "A fine answer overall."),
                Arguments.of("out of range", "Score: 8"),
                Arguments.of("ten-point scale", "Score: 7/10"),
                Arguments.of("half point", "{\"score\": 3.5, \"critique\": \"between\"}"),
                Arguments.of("disagreeing scores", "Score: 3\nOn reflection, Score: 4"),
                Arguments.of("score field not a number", "{\"score\": \"good\", \"critique\": \"x\"}"),
                Arguments.of("zero", "{\"score\": 0}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableScoreReplies")
    void neverGuessesAScore(String shape, String reply) {
        ParsedReply parsed = ReplyParser.parseScore(reply);
        assertThat(parsed.status()).isEqualTo(ParseStatus.UNPARSEABLE);
        assertThat(parsed.score()).isNull();
    }

    @Test
    void critiqueIsTheJsonFieldOrTheReplyWithoutItsVerdictLine() {
        assertThat(ReplyParser.parsePair("{\"critique\": \"B is wrong.\", \"verdict\": \"A>B\"}").critique())
                .isEqualTo("B is wrong.");
        assertThat(ReplyParser.parsePair("My answer: 4.\nA says 4, B says 5.\n\nMy final verdict is [[A>>B]]")
                .critique()).isEqualTo("My answer: 4.\nA says 4, B says 5.");
        assertThat(ReplyParser.parseScore("Clear and correct.\nScore: 5").critique()).isEqualTo("Clear and correct.");
    }

    @Test
    void verdictLabelsSwapAndScore() {
        assertThat(PairVerdict.A_MUCH_BETTER.swapped()).isEqualTo(PairVerdict.B_MUCH_BETTER);
        assertThat(PairVerdict.A_BETTER.swapped()).isEqualTo(PairVerdict.B_BETTER);
        assertThat(PairVerdict.TIE.swapped()).isEqualTo(PairVerdict.TIE);
        assertThat(PairVerdict.labels()).containsExactly("A>>B", "A>B", "A=B", "B>A", "B>>A");
        assertThat(PairVerdict.B_BETTER.outcomeForA()).isZero();
        assertThat(PairVerdict.TIE.outcomeForA()).isEqualTo(0.5);
    }
}
