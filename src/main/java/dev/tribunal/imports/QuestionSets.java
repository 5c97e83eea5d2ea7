package dev.tribunal.imports;

import dev.tribunal.store.Answer;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Question;
import dev.tribunal.store.QuestionSetSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The question sets in the store, and the bundled ones ({@code arena-hard-v0.1}, {@code mt-bench} under
 * {@code <data>/questions/}) loaded on first use. Loading is idempotent: questions are keyed by
 * {@code <set>:<uid>}, answers by (question, model).
 */
public final class QuestionSets {

    public static final String ARENA_HARD = "arena-hard-v0.1";
    public static final String MT_BENCH = "mt-bench";
    private static final List<String> BUNDLED = List.of(ARENA_HARD, MT_BENCH);

    /** A set as {@code tribunal questions list} shows it. */
    public record SetInfo(String name, long questions, long multiTurn, boolean bundled, boolean stored) {
    }

    /** What an import did: records read, and how many of them were new. */
    public record Imported(int read, int inserted) {
    }

    private final Database db;
    private final Path dataDir;

    /** @param dataDir the directory holding {@code questions/} and {@code answers/} (the project's {@code data/}) */
    public QuestionSets(Database db, Path dataDir) {
        this.db = db;
        this.dataDir = dataDir;
    }

    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /** Stored sets and the bundled ones, by name. */
    public List<SetInfo> list() {
        Map<String, SetInfo> sets = new LinkedHashMap<>();
        for (QuestionSetSize s : db.bench().questionSets()) {
            sets.put(s.name(), new SetInfo(s.name(), s.questions(), s.multiTurn(), BUNDLED.contains(s.name()), true));
        }
        for (String name : BUNDLED) {
            if (sets.containsKey(name) || !Files.isRegularFile(questionFile(name))) continue;
            List<Question> file = readBundled(name);
            sets.put(name, new SetInfo(name, file.size(), file.stream().filter(q -> !q.turns().isEmpty()).count(),
                    true, false));
        }
        return sets.values().stream().sorted(java.util.Comparator.comparing(SetInfo::name)).toList();
    }

    /**
     * The set's first {@code limit} questions (null = all) in file order, loading a bundled set first if it is not
     * (fully) stored.
     *
     * @throws BadInputException when there is no such set, or the limit is not positive
     */
    public List<Question> questions(String set, Integer limit) {
        if (limit != null && limit <= 0) throw new BadInputException("--limit must be > 0: " + limit);
        if (BUNDLED.contains(set)) loadBundled(set);
        List<Question> questions = limit == null ? db.bench().questions(set) : db.bench().questions(set, limit);
        if (questions.isEmpty()) {
            throw new BadInputException("no question set named '" + set + "' (bundled: " + String.join(", ", BUNDLED)
                    + "; import one with 'tribunal questions import FILE --set NAME')");
        }
        return questions;
    }

    /** Loads a bundled set if some of its questions are not stored yet; returns how many were added. */
    public int loadBundled(String set) {
        List<Question> file = readBundled(set);
        long stored = db.bench().questionSets().stream().filter(s -> s.name().equals(set))
                .mapToLong(QuestionSetSize::questions).sum();
        return stored >= file.size() ? 0 : db.bench().insertQuestions(file);
    }

    /** Imports a JSON Lines file of prompts as the set (idempotent). */
    public Imported importFile(Path file, String set) {
        if (set == null || set.isBlank()) throw new BadInputException("--set must name the question set");
        List<Question> questions = QuestionFile.read(file, set, Map.of());
        return new Imported(questions.size(), db.bench().insertQuestions(questions));
    }

    /**
     * Imports Arena-Hard {@code model_answer} files as answers to the set's questions (the set is loaded first when
     * bundled); each file's model becomes a contestant if it is not one. Idempotent.
     *
     * @throws BadInputException when a file is malformed or answers a question the set does not have
     */
    public Imported importAnswers(Collection<Path> files, String set) {
        Map<String, Question> byKey = new HashMap<>();
        for (Question q : questions(set, null)) byKey.put(q.externalKey(), q);
        Map<String, Long> models = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        int read = 0;
        for (Path file : files) {
            for (AnswerFile.ImportedAnswer a : AnswerFile.read(file)) {
                read++;
                Question q = byKey.get(set + ":" + a.questionKey());
                if (q == null) {
                    throw new BadInputException(file + ": question '" + a.questionKey() + "' is not in the set " + set);
                }
                long modelId = models.computeIfAbsent(a.model(), name -> db.contestants()
                        .ensure(Contestant.of(ContestantKind.MODEL, name, name, null, null)).id());
                answers.add(new Answer(0, q.id(), modelId, a.content(), a.tokens(), null, null, null,
                        a.turns().size() > 1 ? a.turns() : List.of()));
            }
        }
        return new Imported(read, db.bench().insertAnswers(answers));
    }

    /**
     * Imports the bundled answers ({@code <data>/answers/<set>/<model>.jsonl}) of those of the models that have
     * them, so that a published baseline's answers are not paid for again; returns the models whose answers were
     * found.
     */
    public List<String> importBundledAnswers(String set, Collection<String> modelNames) {
        List<String> found = new ArrayList<>();
        for (String model : modelNames) {
            Path file = dataDir.resolve("answers").resolve(set).resolve(model + ".jsonl");
            if (!Files.isRegularFile(file)) continue;
            importAnswers(List.of(file), set);
            found.add(model);
        }
        return found;
    }

    private List<Question> readBundled(String set) {
        Path file = questionFile(set);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("the bundled question set " + set + " is missing: no " + file);
        }
        Path refs = file.resolveSibling("reference_answer_gpt-4.jsonl");
        return QuestionFile.read(file, set, Files.isRegularFile(refs) ? QuestionFile.references(refs) : Map.of());
    }

    private Path questionFile(String set) {
        return dataDir.resolve("questions").resolve(set).resolve("question.jsonl");
    }
}
