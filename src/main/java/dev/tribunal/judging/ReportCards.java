package dev.tribunal.judging;

import dev.tribunal.judging.JudgeReportCard.Boards;
import dev.tribunal.judging.JudgeReportCard.Difference;
import dev.tribunal.judging.JudgeReportCard.Kappa;
import dev.tribunal.judging.JudgeReportCard.LengthPreference;
import dev.tribunal.judging.JudgeReportCard.OwnPreference;
import dev.tribunal.judging.JudgeReportCard.PeopleAgreement;
import dev.tribunal.judging.JudgeReportCard.PositionCounts;
import dev.tribunal.judging.JudgeReportCard.Reliability;
import dev.tribunal.judging.JudgeReportCard.Share;
import dev.tribunal.judging.JudgeReportCard.Standing;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.BoardAgreement;
import dev.tribunal.rating.CohenKappa;
import dev.tribunal.rating.JudgeBenchScore;
import dev.tribunal.rating.JudgeBenchScore.Decision;
import dev.tribunal.rating.Proportion;
import dev.tribunal.rating.ProportionDifference;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.LabelledJudgment;
import dev.tribunal.store.PairShape;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import dev.tribunal.store.StoredLabel;
import dev.tribunal.store.StoredVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Computes every judge's {@link JudgeReportCard} from the verdicts and labels in the store (the formulas are in
 * {@code rating}). Verdicts are classed by the position they prefer: first (A>>B, A>B), second (B>A, B>>A) or tie
 * (A=B); a verdict is "turned to the pair's order" when it is read against the pair's canonical order
 * ({@link PairShape#canonical()}), which makes the two orders of a pair comparable.
 *
 * <p>Flags: {@value #POSITION_BIASED} when the first-position share's interval excludes ½;
 * {@value #PREFERS_LONGER} when the judge gives the longer answer the win more often than the reference does on the
 * same pairs (the difference's interval lies above 0); {@value #SELF_PREFERRING} / {@value #FAMILY_PREFERRING} when
 * it rates its own / its organisation's answers higher than the other judges do on the same pairs (likewise).
 */
public final class ReportCards {

    public static final String POSITION_BIASED = "position-biased";
    public static final String PREFERS_LONGER = "prefers-longer";
    public static final String SELF_PREFERRING = "self-preferring";
    public static final String FAMILY_PREFERRING = "family-preferring";
    /** A length difference is clear when the longer answer is at least this many times the shorter. */
    public static final double LONGER_BY = 1.2;
    static final String TIES = "a tie is a class of its own: a tie verdict agrees only with a tied label; the people's"
            + " label on a pair is the sign of their mean outcome minus 1/2 (a tie when exactly 1/2)";
    private static final int BOOTSTRAP_ROUNDS = 100;
    private static final long SEED = 42;

    enum Position { FIRST, SECOND, TIE;

        static Position of(String verdict) {
            return switch (verdict) {
                case "A>>B", "A>B" -> FIRST;
                case "B>A", "B>>A" -> SECOND;
                default -> TIE;
            };
        }

        static Position ofOutcome(double outcome) {
            return outcome > 0.5 ? FIRST : outcome < 0.5 ? SECOND : TIE;
        }

        Position swapped() {
            return this == FIRST ? SECOND : this == SECOND ? FIRST : TIE;
        }

        /** This position (as shown) read against the pair's canonical order. */
        Position canonical(PairShape pair) {
            return pair.canonical() ? this : swapped();
        }

        double outcome() {
            return this == FIRST ? 1 : this == SECOND ? 0 : 0.5;
        }
    }

    /** People's votes on one pair: outcomes for the pair's canonical first answer. */
    private static final class PeopleOnPair {
        final List<Double> outcomes = new ArrayList<>();
        PairShape shape;

        Position label() {
            double mean = outcomes.stream().mapToDouble(Double::doubleValue).average().orElse(0.5);
            return Position.ofOutcome(mean);
        }
    }

    private final Database db;
    private final String origin;

    /** Cards from every verdict: arena evaluations, benchmark judgments and games on labelled pairs. */
    public ReportCards(Database db) {
        this(db, null);
    }

    /**
     * @param origin {@link StoredVerdict#ARENA}, {@link StoredVerdict#BENCHMARK}, {@link StoredVerdict#LABELLED}
     *               (games on labelled pairs), or null for all
     */
    public ReportCards(Database db, String origin) {
        this.db = db;
        this.origin = origin;
    }

    /** Every judge with at least one verdict on a pair of answers, by name. */
    public List<JudgeReportCard> all() {
        List<StoredVerdict> verdicts = new ArrayList<>();
        if (origin == null || origin.equals(StoredVerdict.ARENA)) db.reports().forEachArenaVerdict(verdicts::add);
        if (origin == null || origin.equals(StoredVerdict.BENCHMARK)) db.reports().forEachBenchmarkVerdict(verdicts::add);
        List<LabelledJudgment> labelled = new ArrayList<>();
        if (origin == null || origin.equals(StoredVerdict.LABELLED)) db.reports().forEachLabelledJudgment(labelled::add);
        for (LabelledJudgment g : labelled) verdicts.add(StoredVerdict.of(g));
        Map<String, Proportion> accuracy = labelledAccuracy(labelled);
        Map<String, PeopleOnPair> people = new HashMap<>();
        db.reports().forEachLabel(l -> addLabel(people, l));
        Map<String, Contestant> judges = byName(ContestantKind.JUDGE);
        Map<String, Contestant> models = byName(ContestantKind.MODEL);
        Map<String, List<StoredVerdict>> byJudge = new java.util.TreeMap<>();
        for (StoredVerdict v : verdicts) byJudge.computeIfAbsent(v.judge(), k -> new ArrayList<>()).add(v);
        Map<String, List<StoredVerdict>> byPair = new HashMap<>();
        for (StoredVerdict v : verdicts) if (parsed(v)) byPair.computeIfAbsent(v.pair().pairKey(), k -> new ArrayList<>()).add(v);
        Standings standings = new Standings();
        List<JudgeReportCard> cards = new ArrayList<>();
        byJudge.forEach((name, mine) -> cards.add(card(name, judges.get(name), mine, byPair, people, models, standings,
                accuracy.getOrDefault(name, Proportion.of(0, 0)))));
        return cards;
    }

    /** One judge's card, or empty when it has no verdict on a pair of answers. */
    public Optional<JudgeReportCard> of(String judge) {
        return all().stream().filter(c -> c.name().equals(judge)).findFirst();
    }

    private JudgeReportCard card(String name, Contestant judge, List<StoredVerdict> mine,
                                 Map<String, List<StoredVerdict>> byPair, Map<String, PeopleOnPair> people,
                                 Map<String, Contestant> models, Standings standings, Proportion labelled) {
        List<StoredVerdict> parsed = mine.stream().filter(ReportCards::parsed).toList();
        long[] positions = new long[3];
        for (StoredVerdict v : parsed) positions[Position.of(v.verdict()).ordinal()]++;
        Proportion consistency = consistency(parsed);
        Proportion first = firstPosition(parsed);
        LengthPreference length = lengthPreference(name, parsed, byPair, people);
        String organisation = judge == null ? null : judge.organisation();
        Set<String> own = new TreeSet<>();
        if (models.containsKey(name)) own.add(name);
        Set<String> family = new TreeSet<>();
        if (organisation != null) {
            models.values().stream().filter(m -> organisation.equals(m.organisation())).forEach(m -> family.add(m.name()));
        }
        OwnPreference self = own.isEmpty() ? null : ownPreference(name, own, parsed, byPair);
        OwnPreference fam = family.isEmpty() ? null : ownPreference(name, family, parsed, byPair);
        List<String> flags = new ArrayList<>();
        if (first.excludes(0.5)) flags.add(POSITION_BIASED);
        if (length != null && length.difference().lower() != null && length.difference().lower() > 0) flags.add(PREFERS_LONGER);
        if (above(self)) flags.add(SELF_PREFERRING);
        if (above(fam)) flags.add(FAMILY_PREFERRING);
        return new JudgeReportCard(name, judge == null ? name : judge.displayName(), organisation, mine.size(),
                new PositionCounts(positions[0], positions[1], positions[2]), Share.of(consistency), Share.of(first),
                length, self, fam, agreement(parsed, people), Share.of(labelled), reliability(mine, parsed), standings.of(name),
                List.copyOf(flags));
    }

    private static boolean above(OwnPreference p) {
        return p != null && p.difference().lower() != null && p.difference().lower() > 0;
    }

    /** Pairs the judge saw in both orders: the first verdict of each order, turned to the pair's order, agree. */
    private static Proportion consistency(List<StoredVerdict> parsed) {
        long pairs = 0;
        long consistent = 0;
        for (Map<Boolean, StoredVerdict> orders : bothOrders(parsed).values()) {
            pairs++;
            Position a = Position.of(orders.get(true).verdict()).canonical(orders.get(true).pair());
            Position b = Position.of(orders.get(false).verdict()).canonical(orders.get(false).pair());
            if (a == b) consistent++;
        }
        return Proportion.of(consistent, pairs);
    }

    /** Decisive verdicts on pairs judged in both orders, for the answer shown first. */
    private static Proportion firstPosition(List<StoredVerdict> parsed) {
        Set<String> both = bothOrders(parsed).keySet();
        long decisive = 0;
        long first = 0;
        for (StoredVerdict v : parsed) {
            if (!both.contains(v.pair().pairKey())) continue;
            Position p = Position.of(v.verdict());
            if (p == Position.TIE) continue;
            decisive++;
            if (p == Position.FIRST) first++;
        }
        return Proportion.of(first, decisive);
    }

    /** Pair key → the first verdict seen in each order (true = canonical), for pairs seen in both. */
    private static Map<String, Map<Boolean, StoredVerdict>> bothOrders(List<StoredVerdict> parsed) {
        Map<String, Map<Boolean, StoredVerdict>> orders = new LinkedHashMap<>();
        for (StoredVerdict v : parsed) {
            orders.computeIfAbsent(v.pair().pairKey(), k -> new HashMap<>()).putIfAbsent(v.pair().canonical(), v);
        }
        orders.values().removeIf(m -> m.size() < 2);
        return orders;
    }

    private static LengthPreference lengthPreference(String name, List<StoredVerdict> parsed,
                                                     Map<String, List<StoredVerdict>> byPair,
                                                     Map<String, PeopleOnPair> people) {
        List<StoredVerdict> clear = parsed.stream().filter(v -> clearlyLonger(v.pair()) != 0
                && Position.of(v.verdict()) != Position.TIE).toList();
        if (clear.isEmpty()) return null;
        boolean byPeople = clear.stream().anyMatch(v -> people.containsKey(v.pair().pairKey()));
        long judgeLonger = 0;
        long judgeN = 0;
        long refLonger = 0;
        long refN = 0;
        Set<String> counted = new java.util.HashSet<>();
        for (StoredVerdict v : clear) {
            String key = v.pair().pairKey();
            if (byPeople) {
                PeopleOnPair p = people.get(key);
                if (p == null) continue;
                if (counted.add(key)) {
                    // people's outcomes are in the pair's canonical order; "longer" read the same way
                    int longer = clearlyLonger(canonicalShape(p.shape));
                    for (double o : p.outcomes) {
                        if (o == 0.5) continue;
                        refN++;
                        if ((o > 0.5) == (longer > 0)) refLonger++;
                    }
                }
            } else {
                List<StoredVerdict> others = byPair.getOrDefault(key, List.of()).stream()
                        .filter(o -> !o.judge().equals(name)).toList();
                if (others.isEmpty()) continue;
                if (counted.add(key)) {
                    for (StoredVerdict o : others) {
                        Position p = Position.of(o.verdict());
                        if (p == Position.TIE || clearlyLonger(o.pair()) == 0) continue;
                        refN++;
                        if (longerWins(p, o.pair())) refLonger++;
                    }
                }
            }
            judgeN++;
            if (longerWins(Position.of(v.verdict()), v.pair())) judgeLonger++;
        }
        Proportion judge = Proportion.of(judgeLonger, judgeN);
        Proportion reference = Proportion.of(refLonger, refN);
        return new LengthPreference(LONGER_BY, Share.of(judge), Share.of(reference),
                byPeople ? "people" : "other judges", Difference.of(ProportionDifference.of(judge, reference)));
    }

    /** +1 when A (shown first) is clearly longer, −1 when B is, 0 when neither is. */
    private static int clearlyLonger(PairShape p) {
        if (p.lengthA() >= LONGER_BY * p.lengthB() && p.lengthA() > p.lengthB()) return 1;
        if (p.lengthB() >= LONGER_BY * p.lengthA() && p.lengthB() > p.lengthA()) return -1;
        return 0;
    }

    private static boolean longerWins(Position p, PairShape shape) {
        int longer = clearlyLonger(shape);
        return (p == Position.FIRST && longer > 0) || (p == Position.SECOND && longer < 0);
    }

    /** The shape as if shown in the pair's canonical order. */
    private static PairShape canonicalShape(PairShape s) {
        if (s.canonical()) return s;
        return new PairShape(s.pairKey(), true, s.modelB(), s.modelA(), s.lengthB(), s.lengthA(), s.category());
    }

    private static OwnPreference ownPreference(String name, Set<String> own, List<StoredVerdict> parsed,
                                               Map<String, List<StoredVerdict>> byPair) {
        Predicate<StoredVerdict> oneOwn = v -> own.contains(v.pair().modelA()) != own.contains(v.pair().modelB());
        long judgeWins = 0;
        long judgeN = 0;
        Set<String> pairs = new java.util.HashSet<>();
        for (StoredVerdict v : parsed) {
            if (!oneOwn.test(v) || Position.of(v.verdict()) == Position.TIE) continue;
            judgeN++;
            if (ownWins(v, own)) judgeWins++;
            pairs.add(v.pair().pairKey());
        }
        if (judgeN == 0) return null;
        long otherWins = 0;
        long otherN = 0;
        for (String key : pairs) {
            for (StoredVerdict o : byPair.getOrDefault(key, List.of())) {
                if (o.judge().equals(name) || !oneOwn.test(o) || Position.of(o.verdict()) == Position.TIE) continue;
                otherN++;
                if (ownWins(o, own)) otherWins++;
            }
        }
        Proportion judge = Proportion.of(judgeWins, judgeN);
        Proportion others = Proportion.of(otherWins, otherN);
        return new OwnPreference(List.copyOf(own), Share.of(judge), Share.of(others),
                Difference.of(ProportionDifference.of(judge, others)));
    }

    private static boolean ownWins(StoredVerdict v, Set<String> own) {
        Position p = Position.of(v.verdict());
        return own.contains(v.pair().modelA()) ? p == Position.FIRST : p == Position.SECOND;
    }

    private static PeopleAgreement agreement(List<StoredVerdict> parsed, Map<String, PeopleOnPair> people) {
        long[][] confusion = new long[3][3];
        Map<String, BoardUnit> units = new LinkedHashMap<>();
        for (StoredVerdict v : parsed) {
            PeopleOnPair p = people.get(v.pair().pairKey());
            if (p == null) continue;
            Position judge = Position.of(v.verdict()).canonical(v.pair());
            confusion[judge.ordinal()][p.label().ordinal()]++;
            PairShape s = canonicalShape(v.pair());
            if (s.modelA() == null || s.modelB() == null || s.modelA().equals(s.modelB())) continue;
            BoardUnit unit = units.computeIfAbsent(v.pair().pairKey(), k -> new BoardUnit(p, s));
            unit.judge.add(new Battle(s.modelA(), s.modelB(), judge.outcome(), 1, null, 0, null, null));
        }
        CohenKappa kappa = CohenKappa.of(confusion);
        long n = kappa.items();
        long agree = confusion[0][0] + confusion[1][1] + confusion[2][2];
        List<BoardAgreement.Unit> boardUnits = units.values().stream().map(BoardUnit::toUnit).toList();
        Boards boards = boardUnits.isEmpty() ? null
                : Boards.of(BoardAgreement.of(boardUnits, BOOTSTRAP_ROUNDS, SEED));
        return new PeopleAgreement(n, Share.of(Proportion.of(agree, n)), Kappa.of(kappa), TIES, boards);
    }

    private static final class BoardUnit {
        final List<Battle> judge = new ArrayList<>();
        final List<Battle> people = new ArrayList<>();

        BoardUnit(PeopleOnPair p, PairShape canonical) {
            for (double o : p.outcomes) people.add(new Battle(canonical.modelA(), canonical.modelB(), o, 1, null, 0, null, null));
        }

        BoardAgreement.Unit toUnit() {
            return new BoardAgreement.Unit(List.copyOf(judge), List.copyOf(people));
        }
    }

    private static Reliability reliability(List<StoredVerdict> mine, List<StoredVerdict> parsed) {
        Proportion failures = Proportion.of(mine.size() - parsed.size(), mine.size());
        Map<String, List<StoredVerdict>> byUnit = new HashMap<>();
        for (StoredVerdict v : parsed) byUnit.computeIfAbsent(v.unitKey(), k -> new ArrayList<>()).add(v);
        long repeated = 0;
        long agreeing = 0;
        for (List<StoredVerdict> same : byUnit.values()) {
            if (same.size() < 2) continue;
            repeated++;
            Position p = Position.of(same.getFirst().verdict());
            if (same.stream().allMatch(v -> Position.of(v.verdict()) == p)) agreeing++;
        }
        double latency = mine.stream().map(StoredVerdict::latencyMs).filter(Objects::nonNull).mapToLong(Long::longValue)
                .average().orElse(Double.NaN);
        long withLatency = mine.stream().map(StoredVerdict::latencyMs).filter(Objects::nonNull).count();
        double cost = mine.stream().map(StoredVerdict::cost).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
        long withCost = mine.stream().map(StoredVerdict::cost).filter(Objects::nonNull).count();
        // only verdicts stored since re-asks were recorded count (older rows and files' decisions do not say)
        List<Boolean> known = mine.stream().map(StoredVerdict::reasked).filter(Objects::nonNull).toList();
        Proportion reAsked = Proportion.of(known.stream().filter(b -> b).count(), known.size());
        return new Reliability(Share.of(failures), Share.of(reAsked), Share.of(Proportion.of(agreeing, repeated)),
                JudgeReportCard.finite(latency), withLatency, JudgeReportCard.finite(cost), withCost);
    }

    /**
     * Per judge: its labelled pairs (one per prompt version) correct by JudgeBench's metric. Game 1 is in the
     * pair's own order, game 2 swapped, as the metric wants; an unparsed game is no decision.
     */
    private static Map<String, Proportion> labelledAccuracy(List<LabelledJudgment> games) {
        Map<String, Map<String, LabelledJudgment[]>> byJudge = new HashMap<>();
        for (LabelledJudgment g : games) {
            byJudge.computeIfAbsent(g.judge(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(g.pairKey() + '\0' + g.promptVersion(), k -> new LabelledJudgment[2])[g.game() - 1] = g;
        }
        Map<String, Proportion> accuracy = new HashMap<>();
        byJudge.forEach((judge, pairs) -> {
            long correct = 0;
            for (LabelledJudgment[] p : pairs.values()) {
                Decision label = Decision.parse((p[0] != null ? p[0] : p[1]).label());
                if (JudgeBenchScore.correct(decision(p[0]), decision(p[1]), label)) correct++;
            }
            accuracy.put(judge, Proportion.of(correct, pairs.size()));
        });
        return accuracy;
    }

    private static Decision decision(LabelledJudgment g) {
        return g == null || g.status() != ParseStatus.OK ? null : Decision.parse(g.verdict());
    }

    private static void addLabel(Map<String, PeopleOnPair> people, StoredLabel l) {
        PeopleOnPair p = people.computeIfAbsent(l.pair().pairKey(), k -> new PeopleOnPair());
        if (p.shape == null) p.shape = l.pair();
        p.outcomes.add(l.pair().canonical() ? l.outcome() : 1 - l.outcome());
    }

    private static boolean parsed(StoredVerdict v) {
        return v.status() == ParseStatus.OK && v.verdict() != null;
    }

    private Map<String, Contestant> byName(ContestantKind kind) {
        Map<String, Contestant> map = new HashMap<>();
        for (Contestant c : db.contestants().list(kind)) map.put(c.name(), c);
        return map;
    }

    /**
     * The judges' standing on the arena board, or on another judge board when the arena's has not got them yet
     * (the demo's: agreement with the people), each read once.
     */
    private final class Standings {
        private final List<Map.Entry<String, List<SnapshotRow>>> boards = new ArrayList<>();

        Standings() {
            List<String> sources = new ArrayList<>(List.of("arena"));
            db.battles().sources(ContestantKind.JUDGE).stream().filter(s -> !s.equals("arena")).forEach(sources::add);
            for (String source : sources) {
                Optional<Snapshot> s = db.snapshots().latestOk(ContestantKind.JUDGE, source, null);
                s.ifPresent(snap -> {
                    List<SnapshotRow> rows = new ArrayList<>(db.snapshots().rows(snap.id()));
                    rows.sort(Comparator.comparingDouble(SnapshotRow::rating).reversed());
                    boards.add(Map.entry(source, rows));
                });
            }
        }

        Standing of(String judge) {
            for (Map.Entry<String, List<SnapshotRow>> board : boards) {
                List<SnapshotRow> rows = board.getValue();
                for (int i = 0; i < rows.size(); i++) {
                    SnapshotRow r = rows.get(i);
                    if (r.contestant().equals(judge)) {
                        return new Standing(board.getKey(), i + 1, r.rankUb(), r.rating(), r.ratingLower(),
                                r.ratingUpper(), r.battles());
                    }
                }
            }
            return null;
        }
    }
}
