package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.store.BrowseDao.BrowsedSample;
import dev.tribunal.store.BrowseDao.EvaluationVotes;
import dev.tribunal.store.BrowseDao.Filter;
import dev.tribunal.store.BrowseDao.JudgedEvaluation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browsing samples and questions on real SQLite and PostgreSQL: filters, vote counts, paging, and critiques the
 * arena can still deal shown without their judge.
 */
class BrowseDaoTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private ScratchDatabase scratch;
    private Database db;
    private BrowseDao browse;
    private Contestant gpt;
    private Contestant llama;

    private void open(String engine) {
        scratch = ScratchDatabase.open(engine, dir, Clock.fixed(NOW, ZoneOffset.UTC));
        db = scratch.database();
        browse = new BrowseDao(db);
        gpt = db.contestants().insert(Contestant.of(ContestantKind.JUDGE, "gpt-4o", "GPT-4o", "OpenAI", "proprietary"));
        llama = db.contestants().insert(Contestant.of(ContestantKind.JUDGE, "llama-70b", "Llama 70B", "Meta", "llama"));
    }

    @AfterEach
    void close() {
        if (scratch != null) scratch.close();
    }

    private Sample pair(String input, String a, String b, String modelA, String modelB, String category) {
        return db.samples().insert(Sample.pair(input, a, b, modelA, modelB, SampleSource.DEMO, category));
    }

    private Evaluation evaluate(Sample s, Contestant judge, String verdict, String critique) {
        return db.evaluations().insert(Evaluation.verdict(s.id(), judge.id(), verdict, critique, "v1"));
    }

    private Round round(String id, Sample s, Evaluation a, Evaluation b, Instant expiresAt) {
        return db.rounds().insert(new Round(id, s.id(), a.id(), b.id(), "voter", NOW.minusSeconds(60), expiresAt));
    }

    private void vote(Round r, VoteChoice choice) {
        db.votes().record(new Vote(r.id(), choice, "voter", NOW.minusSeconds(30)), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void retiredEvaluationsShowTheirJudgeAndTheVotesFromTheSideTheyWereShownOn(String engine) {
        open(engine);
        // one parsed critique only: the arena cannot deal this sample, so its evaluations are retired
        Sample s = pair("Write a haiku", "leaves fall", "moon rises", "mistral", "claude", "creative");
        Evaluation byGpt = evaluate(s, gpt, "B>A", "B has the **form**");
        Evaluation byLlama = db.evaluations().insert(new Evaluation(0, s.id(), llama.id(), null, null, "garbled",
                "v1", null, "garbled", ParseStatus.UNPARSEABLE, null, null, null, null, null));
        Instant later = NOW.plus(Duration.ofHours(1));
        vote(round("r1", s, byGpt, byLlama, later), VoteChoice.A);        // gpt shown as A, chosen
        vote(round("r2", s, byLlama, byGpt, later), VoteChoice.A);        // llama shown as A, chosen
        vote(round("r3", s, byLlama, byGpt, later), VoteChoice.B);        // gpt shown as B, chosen
        vote(round("r4", s, byGpt, byLlama, later), VoteChoice.TIE);
        vote(round("r5", s, byGpt, byLlama, later), VoteChoice.BOTH_BAD);

        BrowseDao.Page<BrowsedSample> page = browse.samples(new Filter(null, null, null, null), 0, 10);

        assertThat(page.total()).isEqualTo(1);
        BrowsedSample found = page.items().getFirst();
        assertThat(found.sample().input()).isEqualTo("Write a haiku");
        assertThat(found.sample().modelA()).isEqualTo("mistral");
        assertThat(found.votes()).isEqualTo(5);
        assertThat(found.evaluations()).extracting(JudgedEvaluation::judge).containsExactly("gpt-4o", "llama-70b");
        assertThat(found.evaluations()).noneMatch(JudgedEvaluation::anonymous);
        JudgedEvaluation gptEval = found.evaluations().get(0);
        assertThat(gptEval.organisation()).isEqualTo("OpenAI");
        assertThat(gptEval.verdict()).isEqualTo("B>A");
        assertThat(gptEval.critique()).isEqualTo("B has the **form**");
        assertThat(gptEval.status()).isEqualTo(ParseStatus.OK);
        assertThat(gptEval.votes()).isEqualTo(new EvaluationVotes(5, 2, 1, 1, 1));
        assertThat(found.evaluations().get(1).votes()).isEqualTo(new EvaluationVotes(5, 1, 2, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void critiquesTheArenaCanDealNameNoJudgeAndCountNoVotesOfTheirOwn(String engine) {
        open(engine);
        Contestant bard = db.contestants().insert(Contestant.of(ContestantKind.JUDGE, "bard", "Bard", "Google", null));
        Sample s = pair("Write a haiku", "leaves fall", "moon rises", "mistral", "claude", "creative");
        Evaluation byGpt = evaluate(s, gpt, "B>A", "B has the **form**");
        Evaluation byLlama = evaluate(s, llama, "A=B", "both fine");
        db.evaluations().insert(new Evaluation(0, s.id(), bard.id(), null, null, "garbled", "v1", null, "garbled",
                ParseStatus.UNPARSEABLE, null, null, null, null, null));
        Instant later = NOW.plus(Duration.ofHours(1));
        vote(round("r1", s, byGpt, byLlama, later), VoteChoice.A);
        vote(round("r2", s, byLlama, byGpt, later), VoteChoice.B);

        BrowsedSample found = browse.samples(new Filter(null, null, null, null), 0, 10).items().getFirst();

        assertThat(found.votes()).isEqualTo(2);
        assertThat(found.evaluations()).hasSize(3);
        // the retired (unparseable) one keeps its name; the two the arena deals are anonymous
        assertThat(found.evaluations().getFirst().judge()).isEqualTo("bard");
        List<JudgedEvaluation> anonymous = found.evaluations().subList(1, 3);
        assertThat(anonymous).allSatisfy(e -> {
            assertThat(e.anonymous()).isTrue();
            assertThat(e.judge()).isNull();
            assertThat(e.organisation()).isNull();
            assertThat(e.votes()).isNull();
        });
        assertThat(anonymous).extracting(JudgedEvaluation::critique)
                .containsExactlyInAnyOrder("B has the **form**", "both fine");
        assertThat(anonymous).extracting(JudgedEvaluation::verdict).containsExactlyInAnyOrder("B>A", "A=B");

        // the judge filter finds retired critiques only: judge=X&q=<phrase> must not probe whose a critique is
        assertThat(ids(new Filter(null, "gpt-4o", null, null))).isEmpty();
        assertThat(ids(new Filter("form", "gpt-4o", null, null))).isEmpty();
        assertThat(ids(new Filter(null, "bard", null, null))).containsExactly(s.id());
        assertThat(ids(new Filter("form", null, null, null))).containsExactly(s.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anonymousCritiquesComeInAnOrderThatDoesNotDependOnTheJudge(String engine) {
        open(engine);
        // the same two critiques, written by the judges one way round and then the other
        Sample first = pair("one", "a", "b", "m1", "m2", null);
        evaluate(first, gpt, "A>B", "critique x");
        evaluate(first, llama, "B>A", "critique y");
        Sample second = pair("two", "a", "b", "m1", "m2", null);
        evaluate(second, llama, "A>B", "critique x");
        evaluate(second, gpt, "B>A", "critique y");

        List<BrowsedSample> found = browse.samples(new Filter(null, null, null, null), 0, 10).items();

        assertThat(found).hasSize(2);
        assertThat(found.get(0).evaluations()).extracting(JudgedEvaluation::critique)
                .containsExactlyElementsOf(found.get(1).evaluations().stream().map(JudgedEvaluation::critique).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aCritiqueInARoundWaitingForItsVoteIsAnonymousEvenWhenTheArenaWouldNotDealItAgain(String engine) {
        open(engine);
        // a submitted sample: one judge answered unreadably, so it is not dealt again, but its round is open
        Sample s = pair("submitted", "a", "b", "m1", "m2", null);
        Evaluation ok = evaluate(s, gpt, "A>B", "fine");
        Evaluation bad = db.evaluations().insert(new Evaluation(0, s.id(), llama.id(), null, null, "garbled", "v1",
                null, "garbled", ParseStatus.UNPARSEABLE, null, null, null, null, null));
        round("open", s, ok, bad, NOW.plus(Duration.ofMinutes(30)));

        assertThat(browse.samples(new Filter(null, null, null, null), 0, 10).items().getFirst().evaluations())
                .allSatisfy(e -> assertThat(e.judge()).isNull());

        vote(round("voted", s, ok, bad, NOW.plus(Duration.ofMinutes(30))), VoteChoice.A);
        db.votes().record(new Vote("open", VoteChoice.B, "voter", NOW.minusSeconds(10)), null);
        assertThat(browse.samples(new Filter(null, null, null, null), 0, 10).items().getFirst().evaluations())
                .extracting(JudgedEvaluation::judge).containsExactly("gpt-4o", "llama-70b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void filtersByWordsJudgeModelAndCategory(String engine) {
        open(engine);
        Sample haiku = pair("Write a Haiku about autumn", "leaves", "moon", "mistral", "claude", "creative");
        Sample sum = pair("Add 2 and 2", "4", "5", "qwen", "mistral", "math");
        Sample percent = pair("What is 100% of 7?", "7", "seven", "qwen", "claude", "math");
        evaluate(haiku, gpt, "A>B", "nice imagery");
        evaluate(sum, llama, "A>>B", "five is wrong");
        evaluate(percent, gpt, "A=B", "both correct");

        assertThat(ids(new Filter("haiku", null, null, null))).containsExactly(haiku.id());
        assertThat(ids(new Filter("FIVE IS", null, null, null))).as("critiques are searched too").containsExactly(sum.id());
        assertThat(ids(new Filter("100%", null, null, null))).as("% is a literal").containsExactly(percent.id());
        assertThat(ids(new Filter("0_", null, null, null))).as("_ is a literal").isEmpty();
        assertThat(ids(new Filter(null, "gpt-4o", null, null))).containsExactly(percent.id(), haiku.id());
        assertThat(ids(new Filter(null, null, "mistral", null))).containsExactly(sum.id(), haiku.id());
        assertThat(ids(new Filter(null, null, null, "math"))).containsExactly(percent.id(), sum.id());
        assertThat(ids(new Filter("  ", "", null, "math"))).as("blank means any").containsExactly(percent.id(), sum.id());
        assertThat(ids(new Filter(null, "llama-70b", "claude", null))).isEmpty();

        BrowseDao.Page<BrowsedSample> second = browse.samples(new Filter(null, null, null, null), 2, 2);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).extracting(b -> b.sample().id()).containsExactly(haiku.id());

        db.contestants().insert(Contestant.of(ContestantKind.MODEL, "qwen", "Qwen 2.5", "Alibaba", null));
        assertThat(browse.facets().judges()).containsExactly(new BrowseDao.Named("gpt-4o", "GPT-4o"),
                new BrowseDao.Named("llama-70b", "Llama 70B"));
        assertThat(browse.facets().models()).containsExactly(new BrowseDao.Named("claude", "claude"),
                new BrowseDao.Named("mistral", "mistral"), new BrowseDao.Named("qwen", "Qwen 2.5"));
        assertThat(browse.facets().categories()).containsExactly("creative", "math");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void fiftyThousandUnvotedRoundsHideNoSample(String engine) {
        open(engine);
        List<Sample> samples = new ArrayList<>();
        List<Evaluation[]> evaluations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Sample s = pair("sample " + i, "a", "b", "m1", "m2", null);
            samples.add(s);
            evaluations.add(new Evaluation[] {evaluate(s, gpt, "A>B", "x" + i), evaluate(s, llama, "B>A", "y" + i)});
        }
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            Evaluation[] e = evaluations.get(i % samples.size());
            rounds.add(new Round("r" + i, samples.get(i % samples.size()).id(), e[0].id(), e[1].id(), "voter",
                    NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(30))));
        }
        assertThat(db.rounds().insertAll(rounds)).isEqualTo(50_000);

        BrowseDao.Page<BrowsedSample> page = browse.samples(new Filter(null, null, null, null), 0, 10);

        assertThat(page.total()).isEqualTo(20);
        assertThat(page.items()).hasSize(10);
        assertThat(page.items()).allSatisfy(b -> assertThat(b.evaluations()).hasSize(2));
        if (engine.equals("sqlite")) {
            // every query browse runs reaches rounds through an index, never by reading the whole table
            List<String> plans = browse.queryPlans(new Filter("x", "gpt-4o", null, null),
                    samples.stream().map(Sample::id).toList());
            assertThat(plans).isNotEmpty();
            assertThat(plans).noneMatch(line -> line.matches("(?i).*\\bSCAN (TABLE )?(rounds|r)\\b.*"));
            assertThat(String.join("\n", plans)).containsIgnoringCase("rounds_sample");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void browsesQuestionsWithAnswersAndJudgments(String engine) {
        open(engine);
        Contestant gpt4 = db.contestants().insert(Contestant.of(ContestantKind.MODEL, "gpt-4", null, "OpenAI", null));
        Contestant vicuna = db.contestants().insert(Contestant.of(ContestantKind.MODEL, "vicuna", null, "LMSYS", null));
        Question q = db.bench().insertQuestion(new Question(0, "vicuna80", "q1", "writing", null, null,
                "Compose a travel blog post", null, null, null, null));
        db.bench().insertQuestion(new Question(0, "vicuna80", "q2", "math", null, null, "Solve x+1=2", null, null,
                null, null));
        Answer a = db.bench().insertAnswer(new Answer(0, q.id(), gpt4.id(), "Aloha from Hawaii", 120L, null, null, null));
        Answer b = db.bench().insertAnswer(new Answer(0, q.id(), vicuna.id(), "Hawaii is nice", 40L, null, null, null));
        db.bench().insertJudgment(new Judgment(0, q.id(), gpt.id(), a.id(), b.id(), 2, "A>B", null,
                "the first is vivid", "v1", null, ParseStatus.OK, null, null, null, null, null));

        BrowseDao.Page<BrowseDao.BrowsedQuestion> page = browse.questions(new Filter("vivid", "gpt-4o", "vicuna",
                "writing"), 0, 10);

        assertThat(page.total()).isEqualTo(1);
        BrowseDao.BrowsedQuestion found = page.items().getFirst();
        assertThat(found.question().prompt()).isEqualTo("Compose a travel blog post");
        assertThat(found.answers()).extracting(BrowseDao.ModelAnswer::model).containsExactly("gpt-4", "vicuna");
        assertThat(found.judgments()).singleElement().satisfies(j -> {
            assertThat(j.judge()).isEqualTo("gpt-4o");
            assertThat(j.modelA()).isEqualTo("gpt-4");
            assertThat(j.modelB()).isEqualTo("vicuna");
            assertThat(j.game()).isEqualTo(2);
            assertThat(j.verdict()).isEqualTo("A>B");
        });
        assertThat(browse.questions(new Filter(null, null, null, null), 0, 10).total()).isEqualTo(2);
        assertThat(browse.questions(new Filter(null, "llama-70b", null, null), 0, 10).total()).isZero();
        assertThat(browse.facets().categories()).containsExactly("math", "writing");
    }

    private List<Long> ids(Filter filter) {
        return browse.samples(filter, 0, 50).items().stream().map(b -> b.sample().id()).toList();
    }
}
