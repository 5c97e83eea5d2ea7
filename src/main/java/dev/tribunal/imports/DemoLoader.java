package dev.tribunal.imports;

import dev.tribunal.imports.PrdVicuna80.Answer;
import dev.tribunal.imports.PrdVicuna80.HumanVote;
import dev.tribunal.imports.PrdVicuna80.Question;
import dev.tribunal.imports.PrdVicuna80.Review;
import dev.tribunal.rating.AnswerStyle;
import dev.tribunal.rating.MarkdownStyle;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.PairLabel;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the bundled demo ({@code data/demo}: the PRD Vicuna-80 data and {@code contestants.csv}) into
 * the database in one transaction. Idempotent: every row has an external key (or a natural unique key),
 * so loading again adds nothing.
 */
public final class DemoLoader {

    public static final String PROMPT_VERSION = "prd-vicuna80";
    /** Demo battles are timed in file order from the paper's date, so online Elo always sees the same order. */
    static final Instant BATTLE_EPOCH = Instant.parse("2023-07-05T00:00:00Z");

    /** The settings row holding the fingerprint of the demo files last loaded. */
    static final String LOADED_SETTING = "demo_loaded";
    private static final String CONTESTANTS_FILE = "contestants.csv";
    /**
     * Part of the fingerprint: raised when the loader stores more from the same files (2: the human votes as
     * labels on the samples, for the judge report card; 3: the answers' styles on the model battles, for style
     * control), so that a database loaded before gets the rest.
     */
    static final int LOADER_VERSION = 3;

    private final Database db;

    public DemoLoader(Database db) {
        this.db = db;
    }

    /**
     * Loads the demo unless these very files were loaded before (a fingerprint of their contents is kept
     * in the settings table, so a restart costs one hash, not a reload). Returns what was added.
     */
    public DemoLoad load(Path demoDirectory) {
        String fingerprint = DirectoryFingerprint.of(demoDirectory, LOADER_VERSION);
        if (db.settings().get(LOADED_SETTING).filter(fingerprint::equals).isPresent()) return new DemoLoad(0, 0, 0, 0);
        PrdVicuna80 data = new PrdVicuna80Reader().read(demoDirectory.resolve("prd-vicuna80"));
        List<Contestant> contestants = readContestants(demoDirectory.resolve(CONTESTANTS_FILE));
        return db.inTransaction(tx -> {
            DemoLoad added = write(tx, data, contestants);
            tx.settings().put(LOADED_SETTING, fingerprint);
            return added;
        });
    }

    private static DemoLoad write(Database tx, PrdVicuna80 data, List<Contestant> contestants) {
        int newContestants = 0;
        Map<String, Long> judgeIds = new HashMap<>();
        for (Contestant c : contestants) {
            if (tx.contestants().find(c.kind(), c.name()).isEmpty()) newContestants++;
            Contestant stored = tx.contestants().ensure(c);
            if (c.kind() == ContestantKind.JUDGE) judgeIds.put(c.name(), stored.id());
        }
        requireContestants(data, contestants, judgeIds);

        Map<Integer, Question> questions = new HashMap<>();
        data.questions().forEach(q -> questions.put(q.id(), q));
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (Review r : data.reviews()) samples.computeIfAbsent(sampleKey(r), key -> sample(key, r, questions));
        int newSamples = tx.samples().insertAllIfAbsent(List.copyOf(samples.values()));
        Map<String, Long> sampleIds = tx.samples().idsByExternalKey(samples.keySet());

        List<Evaluation> evaluations = new ArrayList<>();
        for (Review r : data.reviews()) {
            evaluations.add(new Evaluation(0, sampleIds.get(sampleKey(r)), judgeIds.get(r.reviewer()),
                    verdict(r.score()), null, critique(r.text()), PROMPT_VERSION, null, r.text(), ParseStatus.OK,
                    null, null, null, null, null));
        }
        int newEvaluations = tx.evaluations().insertAllIfAbsent(evaluations);

        Map<String, AnswerStyle> styles = new HashMap<>();
        for (Answer a : data.answers()) styles.put(answerKey(a.questionId(), a.model()), MarkdownStyle.inWords(a.text()));
        List<BattleRow> battles = new ArrayList<>();
        for (HumanVote v : data.humanVotes()) {
            battles.add(battle(v.modelA(), v.modelB(), v.score(), "human", questions.get(v.questionId()),
                    battles.size(), "prd:human:" + v.file() + ":" + v.line())
                    .withStyles(styles.get(answerKey(v.questionId(), v.modelA())),
                            styles.get(answerKey(v.questionId(), v.modelB()))));
        }
        for (Review r : data.reviews()) {
            battles.add(battle(r.first().model(), r.second().model(), r.score(), "judge:" + r.reviewer(),
                    questions.get(r.questionId()), battles.size(), "prd:judge:" + r.reviewer() + ":" + sampleKey(r))
                    .withStyles(MarkdownStyle.inWords(r.first().text()), MarkdownStyle.inWords(r.second().text())));
        }
        for (HumanAgreement.JudgeBattle j : HumanAgreement.battles(data.reviews(), data.humanVotes())) {
            Question q = questions.get(j.review().questionId());
            battles.add(BattleRow.of(ContestantKind.JUDGE, j.a(), j.b(), j.outcome(), HumanAgreement.SOURCE,
                            q == null ? null : q.category())
                    .withCreatedAt(BATTLE_EPOCH.plusMillis(battles.size()))
                    .withExternalKey("prd:agree:" + j.a() + ":" + j.b() + ":" + sampleKey(j.review())));
        }
        int newBattles = tx.battles().insertAll(battles);
        tx.battles().fillMissingStyles(battles);   // model battles stored by a loader before version 3
        tx.reports().insertLabelsIfAbsent(labels(data.humanVotes(), sampleIds));
        return new DemoLoad(newContestants, newSamples, newEvaluations, newBattles);
    }

    /**
     * Every human vote as a label on the sample that shows its two answers in the vote's order, or in the other
     * order (outcome turned round) when only that one exists; a vote on answers no reviewer saw has no sample.
     */
    private static List<PairLabel> labels(List<HumanVote> votes, Map<String, Long> sampleIds) {
        List<PairLabel> labels = new ArrayList<>();
        for (HumanVote v : votes) {
            String key = "prd:human:" + v.file() + ":" + v.line();
            Long same = sampleIds.get(sampleKey(v.questionId(), v.modelA(), v.modelB()));
            Long swapped = sampleIds.get(sampleKey(v.questionId(), v.modelB(), v.modelA()));
            if (same != null) labels.add(new PairLabel(same, outcome(v.score()), "human", key));
            else if (swapped != null) labels.add(new PairLabel(swapped, 1 - outcome(v.score()), "human", key));
        }
        return labels;
    }

    private static String answerKey(int question, String model) {
        return question + ":" + model;
    }

    private static String sampleKey(int question, String first, String second) {
        return "prd:q" + question + ":" + first + ":" + second;
    }

    /** "prd:q12:gpt4:claude": the question and the ordered pair of models. */
    private static String sampleKey(Review r) {
        return sampleKey(r.questionId(), r.first().model(), r.second().model());
    }

    private static Sample sample(String key, Review r, Map<Integer, Question> questions) {
        Question q = questions.get(r.questionId());
        if (q == null) throw new IllegalStateException("review of unknown question " + r.questionId());
        Answer a = r.first();
        Answer b = r.second();
        return Sample.pair(q.text(), a.text(), b.text(), a.model(), b.model(), SampleSource.DEMO, q.category())
                .withExternalKey(key);
    }

    /** PRD's three classes: 1 = the first answer is better, 2 = the second, 3 = a tie. */
    static String verdict(int score) {
        return switch (score) {
            case 1 -> "A>B";
            case 2 -> "B>A";
            case 3 -> "A=B";
            default -> throw new IllegalArgumentException("PRD score must be 1, 2 or 3: " + score);
        };
    }

    static double outcome(int score) {
        return switch (score) {
            case 1 -> 1;
            case 2 -> 0;
            case 3 -> 0.5;
            default -> throw new IllegalArgumentException("PRD score must be 1, 2 or 3: " + score);
        };
    }

    /** The review without its last line when that line is only the class number (kept in the raw output). */
    static String critique(String text) {
        String trimmed = text.strip();
        int lastBreak = trimmed.lastIndexOf('\n');
        String lastLine = trimmed.substring(lastBreak + 1).strip();
        return lastBreak > 0 && lastLine.matches("[123]") ? trimmed.substring(0, lastBreak).strip() : trimmed;
    }

    private static BattleRow battle(String a, String b, int score, String source, Question q, int sequence, String key) {
        String category = q == null ? null : q.category();
        return BattleRow.of(ContestantKind.MODEL, a, b, outcome(score), source, category)
                .withCreatedAt(BATTLE_EPOCH.plusMillis(sequence))
                .withExternalKey(key);
    }

    /** Every model and reviewer in the data must be listed in contestants.csv (names, organisations). */
    private static void requireContestants(PrdVicuna80 data, List<Contestant> contestants, Map<String, Long> judges) {
        Set<String> models = new HashSet<>();
        contestants.stream().filter(c -> c.kind() == ContestantKind.MODEL).forEach(c -> models.add(c.name()));
        Set<String> missing = new TreeSet<>();
        data.humanVotes().forEach(v -> Stream.of(v.modelA(), v.modelB()).filter(m -> !models.contains(m))
                .forEach(missing::add));
        for (Review r : data.reviews()) {
            if (!judges.containsKey(r.reviewer())) missing.add("reviewer " + r.reviewer());
            Stream.of(r.first().model(), r.second().model()).filter(m -> !models.contains(m)).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new DemoDataException(Path.of(CONTESTANTS_FILE), 0, "missing contestants: " + missing);
        }
    }

    private static List<Contestant> readContestants(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Contestant> contestants = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : format.parse(in)) {
                contestants.add(Contestant.of(ContestantKind.of(r.get("kind")), r.get("name"), r.get("display_name"),
                        r.get("organisation"), r.get("licence")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return contestants;
    }
}
