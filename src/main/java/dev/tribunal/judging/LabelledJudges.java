package dev.tribunal.judging;

import dev.tribunal.llm.JudgeConfig;
import dev.tribunal.llm.LlmException;
import dev.tribunal.llm.Sha256;
import dev.tribunal.rating.JudgeBenchScore.Decision;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.LabelledJudgment;
import dev.tribunal.store.ParseStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Judges' games on labelled pairs (JudgeBench rows), kept in {@code labelled_judgments} so that the report card
 * counts them: a live judge asked both orders of each pair with its own pairwise prompt, or the decisions a
 * JudgeBench file gives for a judge Tribunal knows. Asking is resumable: a game stored for this judge and prompt
 * version is not asked again, and every reply goes through the gateway's cache, so a run killed between a reply
 * and its row pays nothing the second time either.
 */
public final class LabelledJudges {

    /** What a JudgeBench file's decisions are stored under, as a prompt version. */
    public static final String FILE_PROMPT = "judgebench-file";

    /**
     * @param pairs         the file's pairs (first occurrence of each) with this judge's stored games as decisions
     *                      (null where a game failed or could not be parsed)
     * @param providerCalls calls the provider answered in this run (the others came from the store or the cache)
     * @param failures      one line per game whose call failed for good (asked again on the next run)
     */
    public record Asked(List<JudgeBenchPair> pairs, int providerCalls, double cost, List<String> failures) {
    }

    private final Database db;
    private final Judge judge;

    public LabelledJudges(Database db, Judge judge) {
        this.db = db;
        this.judge = judge;
    }

    /** Same question and responses in the same order: the same key. */
    public static String pairKey(JudgeBenchPair p) {
        return Sha256.hex(p.question() + '\0' + p.responseA() + '\0' + p.responseB());
    }

    /**
     * Asks the configured judge both orders of every pair not yet stored for it, in parallel (the gateway keeps
     * the endpoint's {@code parallel} limit), storing each game as it comes.
     *
     * @throws IllegalArgumentException when no judge has that name, or a pair lacks its question or a response
     */
    public Asked ask(String judgeName, List<JudgeBenchPair> pairs) {
        JudgeConfig config = judge.judges().stream().filter(j -> j.name().equals(judgeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--judge: no judge named '" + judgeName
                        + "' in llm.judges"));
        for (JudgeBenchPair p : pairs) {
            if (blank(p.question()) || blank(p.responseA()) || blank(p.responseB())) {
                throw new IllegalArgumentException("pair " + p.pairId() + ": question, response_A and response_B are"
                        + " needed to ask a judge");
            }
        }
        Contestant contestant = db.contestants().upsert(new Contestant(0, ContestantKind.JUDGE, config.name(),
                config.displayName(), config.organisation(), null, config.endpoint(), true));
        String version = judge.pairwisePromptVersion(judgeName);
        Map<String, JudgeBenchPair> byKey = new LinkedHashMap<>();
        for (JudgeBenchPair p : pairs) byKey.putIfAbsent(pairKey(p), p);
        Set<String> done = new HashSet<>();
        for (LabelledJudgment g : db.reports().labelledJudgments(contestant.id(), version)) {
            done.add(g.pairKey() + ':' + g.game());
        }
        List<Future<Game>> asked = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            byKey.forEach((key, p) -> {
                for (int game = 1; game <= 2; game++) {
                    if (done.contains(key + ':' + game)) continue;
                    int g = game;
                    asked.add(pool.submit(() -> askOne(contestant.id(), judgeName, key, p, g)));
                }
            });
        }
        int calls = 0;
        double cost = 0;
        List<String> failures = new ArrayList<>();
        for (Future<Game> f : asked) {
            Game g = result(f);
            calls += g.providerCalls;
            cost += g.cost;
            if (g.failure != null) failures.add(g.failure);
        }
        Map<String, Map<Integer, LabelledJudgment>> stored = new HashMap<>();
        for (LabelledJudgment g : db.reports().labelledJudgments(contestant.id(), version)) {
            stored.computeIfAbsent(g.pairKey(), k -> new HashMap<>()).put(g.game(), g);
        }
        List<JudgeBenchPair> judged = new ArrayList<>();
        byKey.forEach((key, p) -> {
            Map<Integer, LabelledJudgment> games = stored.getOrDefault(key, Map.of());
            judged.add(new JudgeBenchPair(p.pairId(), p.source(), p.question(), p.responseA(), p.responseB(),
                    p.label(), judgeName, decision(games.get(1)), decision(games.get(2))));
        });
        return new Asked(List.copyOf(judged), calls, cost, List.copyOf(failures));
    }

    /**
     * Stores the decisions of the pairs whose judge model is a judge Tribunal knows (a judge contestant of that
     * name), under prompt version {@value #FILE_PROMPT}; a missing decision is stored as unparseable. Returns how
     * many games were added; the names of the judge models it did not know are in {@code unknown}.
     */
    public int storeDecisions(List<JudgeBenchPair> pairs, Set<String> unknown) {
        Map<String, Optional<Contestant>> judges = new HashMap<>();
        List<LabelledJudgment> games = new ArrayList<>();
        for (JudgeBenchPair p : pairs) {
            Optional<Contestant> c = judges.computeIfAbsent(p.judgeModel(),
                    name -> db.contestants().find(ContestantKind.JUDGE, name));
            if (c.isEmpty()) {
                unknown.add(p.judgeModel());
                continue;
            }
            String key = pairKey(p);
            games.add(game(c.get().id(), key, p, 1, p.first()));
            games.add(game(c.get().id(), key, p, 2, p.swapped()));
        }
        return db.reports().insertLabelledIfAbsent(games);
    }

    private Game askOne(long judgeId, String judgeName, String key, JudgeBenchPair p, int game) {
        String shownA = game == 1 ? p.responseA() : p.responseB();
        String shownB = game == 1 ? p.responseB() : p.responseA();
        JudgeVerdict v;
        try {
            v = judge.evaluatePair(judgeName, p.question(), shownA, shownB, null);
        } catch (LlmException e) {
            return new Game(0, 0, judgeName + " on pair " + p.pairId() + " (game " + game + "): " + e.getMessage());
        }
        db.reports().insertLabelledIfAbsent(List.of(new LabelledJudgment(judgeId, judgeName, key, p.pairId(),
                p.source(), label(p.label()), game, v.verdict() == null ? null : v.verdict().label(), v.parseStatus(),
                v.promptVersion(), LabelledJudgment.LIVE, v.calls() > 1, length(p.responseA()), length(p.responseB()),
                v.latencyMs(), v.cost())));
        return new Game(v.providerCalls(), v.cost(), null);
    }

    private static LabelledJudgment game(long judgeId, String key, JudgeBenchPair p, int game, Decision d) {
        return new LabelledJudgment(judgeId, p.judgeModel(), key, p.pairId(), p.source(), label(p.label()), game,
                d == null ? null : label(d), d == null ? ParseStatus.UNPARSEABLE : ParseStatus.OK, FILE_PROMPT,
                LabelledJudgment.FILE, null, length(p.responseA()), length(p.responseB()), null, null);
    }

    private static Decision decision(LabelledJudgment g) {
        return g == null || g.status() != ParseStatus.OK ? null : Decision.parse(g.verdict());
    }

    private static String label(Decision d) {
        return switch (d) {
            case A_BETTER -> "A>B";
            case B_BETTER -> "B>A";
            case TIE -> "A=B";
        };
    }

    private static Game result(Future<Game> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the judge", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private record Game(int providerCalls, double cost, String failure) {
    }
}
