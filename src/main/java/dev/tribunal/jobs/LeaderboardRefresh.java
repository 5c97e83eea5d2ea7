package dev.tribunal.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tribunal.arena.AnomalousVoters;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.arena.VoteRules;
import dev.tribunal.rating.Battle;
import dev.tribunal.rating.BattleSet;
import dev.tribunal.rating.ClusterBy;
import dev.tribunal.rating.IntervalMethod;
import dev.tribunal.rating.Leaderboard;
import dev.tribunal.rating.LeaderboardRow;
import dev.tribunal.rating.RatingEngine;
import dev.tribunal.rating.RatingMethod;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.BattleRow;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import dev.tribunal.store.SnapshotStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Recomputes every leaderboard from the battles up to a cut-off and stores each as an immutable snapshot.
 *
 * <p>One pass per kind of contestant streams the battles (oldest first) into every board they belong to — their
 * source overall and their source in their category — aggregating as it goes, so memory follows the number of
 * distinct cells, not of battles. Each board's inputs hash is SHA-256 over the rating settings and its battles
 * in that order (a, b, outcome, weight, category, time, and on a style-controlled board both answers' styles). A
 * board whose hash equals its latest good snapshot's is not recomputed and gets no new snapshot (its
 * {@code computed_at} stays the time it was computed). A board
 * whose rating fails gets a snapshot with status failed and the error; readers keep the last good one.
 * The judges' arena board always exists, empty until the first vote.
 *
 * <p>Flagged arena votes (daily cap, too fast, anomalous, voided) are left out: first the anomalous-voter test runs
 * ({@link AnomalousVoters}), then each arena board is computed from the battles of counted votes only and records
 * how many flagged votes it left out; that count is part of its inputs hash.
 *
 * <p>With style control on (and Bradley–Terry), every model board whose battles all carry both answers' styles also
 * gets a style-controlled twin ({@link Board#styleControlled()}): the same battles fitted with the style covariates,
 * stored as a board of its own, so that a page can show either. The twin's settings say {@code style_control: true},
 * the plain board's false. A twin costs a style-controlled fit per bootstrap round, about O(cells·36·iterations)
 * with cells ≈ battles (their features rarely repeat), on top of the plain fit.
 */
public final class LeaderboardRefresh {

    /** Settings as stored with each snapshot. */
    record Settings(String method, int bootstrapRounds, long seed, String anchor, double anchorRating,
                    double eloK, boolean styleControl) {
    }

    /**
     * Boards of the baseline benchmark ({@code baseline:<set>:<judge>}) are rated by the benchmark itself, which
     * knows their baseline (the score is the win-rate against it); the hourly refresh leaves them alone, as it
     * leaves the collective benchmark's ({@code collective:<run>}, whose score is the weighted mean rating).
     */
    static final String BASELINE_SOURCES = "baseline:";
    static final String COLLECTIVE_SOURCES = "collective:";

    /** Whether the hourly refresh recomputes boards of {@code source} (not a benchmark's, which its run writes). */
    public static boolean refreshes(String source) {
        return !source.startsWith(BASELINE_SOURCES) && !source.startsWith(COLLECTIVE_SOURCES);
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final Database db;
    private final RatingOptions options;
    private final Clock clock;
    private final BiFunction<BattleSet, RatingOptions, Leaderboard> engine;
    private final String plainSettings;
    private final String styledSettings;
    private final AnomalousVoters anomalies;

    public LeaderboardRefresh(Database db, RatingOptions options, Clock clock) {
        this(db, options, clock, new AnomalousVoters(db, VoteRules.off()));
    }

    public LeaderboardRefresh(Database db, RatingOptions options, Clock clock, AnomalousVoters anomalies) {
        this(db, options, clock, anomalies, RatingEngine::rate);
    }

    /** With another rating engine than {@link RatingEngine} (tests of what happens to a board it cannot fit). */
    LeaderboardRefresh(Database db, RatingOptions options, Clock clock,
                       BiFunction<BattleSet, RatingOptions, Leaderboard> engine) {
        this(db, options, clock, new AnomalousVoters(db, VoteRules.off()), engine);
    }

    private LeaderboardRefresh(Database db, RatingOptions options, Clock clock, AnomalousVoters anomalies,
                               BiFunction<BattleSet, RatingOptions, Leaderboard> engine) {
        this.db = db;
        this.options = options;
        this.clock = clock;
        this.anomalies = anomalies;
        this.engine = engine;
        this.plainSettings = settingsJson(options, false);
        this.styledSettings = settingsJson(options, true);
    }

    private static String settingsJson(RatingOptions options, boolean styleControl) {
        try {
            return JSON.writeValueAsString(new Settings(options.method().name().toLowerCase(), options.rounds(),
                    options.seed(), options.effectiveAnchor(), options.anchorRating(), options.eloK(), styleControl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refreshes every board; one refresh at a time. */
    public RefreshResult run() {
        return run(false);
    }

    /**
     * Refreshes only the judges' arena boards (overall and per category): what new votes change. Reads the arena's
     * battles only, so it is cheap enough to run every few minutes; boards whose inputs are unchanged are skipped
     * as in {@link #run()}.
     */
    public RefreshResult runArena() {
        return run(true);
    }

    private synchronized RefreshResult run(boolean arenaOnly) {
        Instant startedAt = clock.instant();
        Instant cutoff = startedAt;
        anomalies.run(startedAt);
        Map<Board, Accumulator> boards = new LinkedHashMap<>();
        Board judgesArena = new Board(ContestantKind.JUDGE, StoredRounds.SOURCE, null);
        boards.put(judgesArena, accumulator(judgesArena));
        for (ContestantKind kind : arenaOnly ? List.of(ContestantKind.JUDGE) : List.of(ContestantKind.values())) {
            BattleFilter filter = BattleFilter.of(kind).withCutoff(cutoff).withoutFlaggedVotes();
            if (arenaOnly) filter = filter.withSource(StoredRounds.SOURCE);
            db.battles().forEachRow(filter, row -> {
                if (!refreshes(row.source())) return;
                Battle battle = row.toBattle().inUnit(sampleOf(row));
                add(boards, new Board(kind, row.source(), null), battle);
                if (row.category() != null) add(boards, new Board(kind, row.source(), row.category()), battle);
            });
        }
        // a twin is rated only when every battle of its board has the answers' styles
        boards.entrySet().removeIf(e -> e.getKey().isStyleControlled() && e.getValue().unstyled > 0);
        Map<String, Long> flagged = db.votes().flaggedByCategory(cutoff);
        int computed = 0;
        int unchanged = 0;
        List<String> errors = new ArrayList<>();
        for (Map.Entry<Board, Accumulator> entry : boards.entrySet()) {
            Board board = entry.getKey();
            Accumulator acc = entry.getValue();
            boolean arena = board.kind() == ContestantKind.JUDGE && board.source().equals(StoredRounds.SOURCE);
            long excluded = arena ? flagged.getOrDefault(board.category(), 0L) : 0;
            String hash = acc.hash(excluded);
            Optional<Snapshot> last = db.snapshots().latestOk(board.kind(), board.source(), board.category());
            if (last.isPresent() && last.get().inputsHash().equals(hash)) {
                unchanged++;
                continue;
            }
            try {
                Leaderboard leaderboard = engine.apply(acc.battles.build(), optionsFor(board));
                if (!leaderboard.converged()) {
                    // not the maximum: stored as failed with the reason, and the API keeps the last good board
                    String error = String.join("; ", leaderboard.notes());
                    db.snapshots().insert(snapshot(board, acc, cutoff, hash, SnapshotStatus.FAILED, error, excluded),
                            List.of());
                    errors.add(describe(board) + ": " + error);
                    continue;
                }
                db.snapshots().insert(snapshot(board, acc, cutoff, hash, SnapshotStatus.OK, null, excluded),
                        rows(leaderboard));
                computed++;
            } catch (RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                db.snapshots().insert(snapshot(board, acc, cutoff, hash, SnapshotStatus.FAILED, error, excluded), List.of());
                errors.add(describe(board) + ": " + error);
            }
        }
        return new RefreshResult(startedAt, cutoff, computed, unchanged, errors.size(), List.copyOf(errors));
    }

    /** Adds the battle to its board, and to the board's style-controlled twin when there are twins. */
    private void add(Map<Board, Accumulator> boards, Board board, Battle battle) {
        boards.computeIfAbsent(board, this::accumulator).add(battle);
        if (hasTwins(board.kind())) boards.computeIfAbsent(board.styleControlled(), this::accumulator).add(battle);
    }

    /**
     * Style control is about answers: it applies to models, not to judges' critiques, and it is a Bradley–Terry
     * fit with bootstrap intervals (the sandwich intervals have no style covariates). With it on, model boards get
     * twins; the plain boards are rated without it.
     */
    private boolean hasTwins(ContestantKind kind) {
        return kind == ContestantKind.MODEL && options.styleControl() && options.method() == RatingMethod.BRADLEY_TERRY
                && options.intervals() != IntervalMethod.SANDWICH;
    }

    private RatingOptions optionsFor(Board board) {
        return options.withStyleControl(board.isStyleControlled());
    }

    private Accumulator accumulator(Board board) {
        RatingOptions o = optionsFor(board);
        BattleSet.Builder battles = BattleSet.builder();
        if (o.method() == RatingMethod.ELO) battles.keepRows();
        if (o.styleControl()) battles.keepStyle();
        boolean clustered = CLUSTERED_BY_SAMPLE.equals(board.source()) && o.method() == RatingMethod.BRADLEY_TERRY
                && !o.styleControl();
        if (clustered) battles.keepUnits(ClusterBy.SAMPLE);
        String settings = o.styleControl() ? styledSettings : plainSettings;
        // the clustering changes the intervals, so it is part of the inputs: such a board is recomputed once
        return new Accumulator(settings, clustered ? settings + " cluster_by=sample" : settings, battles,
                o.styleControl());
    }

    /**
     * The board whose battles share samples: each human label (the majority human vote on one pair of answers)
     * stands behind the ten battles of the five judges' pairs on those answers, so its bootstrap resamples samples.
     */
    static final String CLUSTERED_BY_SAMPLE = "human-agreement";

    /**
     * The sample a human-agreement battle was derived from: its external key is "prd:agree:JUDGE_A:JUDGE_B:SAMPLE"
     * with SAMPLE = "prd:q&lt;question&gt;:&lt;model&gt;:&lt;model&gt;"; null for every other battle.
     */
    static String sampleOf(BattleRow row) {
        String key = row.externalKey();
        if (key == null || !key.startsWith("prd:agree:")) return null;
        int sample = key.indexOf(":prd:q", "prd:agree:".length());
        return sample < 0 ? null : key.substring(sample + 1);
    }

    private Snapshot snapshot(Board board, Accumulator acc, Instant cutoff, String hash, SnapshotStatus status,
                              String error, long excluded) {
        return new Snapshot(0, board.kind(), board.source(), board.category(), clock.instant(), cutoff, acc.count, hash,
                acc.settings, status, error, excluded);
    }

    private static List<SnapshotRow> rows(Leaderboard leaderboard) {
        List<SnapshotRow> rows = new ArrayList<>();
        for (LeaderboardRow r : leaderboard.rows()) {
            // no interval (no bootstrap, too little information) and no score are stored as null, never as NaN
            rows.add(new SnapshotRow(r.name(), r.rankUb(), r.rating(), finite(r.ratingLower()), finite(r.ratingUpper()),
                    finite(r.score()), finite(r.scoreLower()), finite(r.scoreUpper()), r.battles(), null));
        }
        return rows;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    static String describe(Board board) {
        return board.kind().code() + "s/" + board.source() + (board.category() == null ? "" : "/" + board.category());
    }

    /** One board's battles, aggregated, and the running hash of its inputs. */
    private static final class Accumulator {
        final String settings;
        final BattleSet.Builder battles;
        final MessageDigest digest;
        final ByteBuffer numbers = ByteBuffer.allocate(8 * Long.BYTES);
        /** Whether the answers' styles are inputs (of a style-controlled board). */
        final boolean styles;
        long count;
        /** Battles without both answers' styles. */
        long unstyled;

        /**
         * @param settings as stored with the snapshot; {@code hashed} (it and what else changes the result) starts
         *                 the hash, and with {@code styles} each battle's answer styles are hashed too
         */
        Accumulator(String settings, String hashed, BattleSet.Builder battles, boolean styles) {
            this.settings = settings;
            this.styles = styles;
            this.battles = battles;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            digest.update(hashed.getBytes(StandardCharsets.UTF_8));
        }

        void add(Battle b) {
            battles.add(b);
            count++;
            if (!b.hasStyle()) unstyled++;
            text(b.a());
            text(b.b());
            text(b.category());
            numbers.clear();
            numbers.putDouble(b.outcome()).putDouble(b.weight()).putLong(b.time());
            digest.update(numbers.array(), 0, 3 * Long.BYTES);
            if (styles && b.hasStyle()) {
                numbers.clear();
                for (double f : b.styleA().toArray()) numbers.putDouble(f);
                for (double f : b.styleB().toArray()) numbers.putDouble(f);
                digest.update(numbers.array());
            }
        }

        private void text(String s) {
            // a separator, so that ("ab", "c") and ("a", "bc") differ, and null differs from ""
            digest.update((byte) (s == null ? 1 : 0));
            if (s != null) digest.update(s.getBytes(StandardCharsets.UTF_8));
        }

        /** The hash of the settings, the battles and (when any) the number of flagged votes left out. */
        String hash(long excluded) {
            if (excluded > 0) {
                numbers.clear();
                numbers.putLong(excluded);
                digest.update(numbers.array(), 0, Long.BYTES);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
