package dev.tribunal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.jobs.Board;
import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.jobs.RefreshScheduler;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Snapshot;
import dev.tribunal.store.SnapshotRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/leaderboards/judges} and {@code GET /api/leaderboards/models?source=…&category=…}: the latest
 * good snapshot, as JSON or (with {@code ?format=csv} or {@code Accept: text/csv}) CSV. Rows are ordered by
 * rating; {@code rank} is the position, {@code rank_ub} the rank range's upper end; rows with fewer battles than
 * the threshold are marked preliminary. {@code excluded_votes} counts the flagged arena votes the board left out
 * (in the CSV: the last column of every row, and the header {@code Tribunal-Excluded-Votes}).
 * With {@code style_control=true} a models board is served style-controlled (its twin, rated from the same battles
 * with answer length and markdown held equal) when it has one; {@code style_control_available} says whether it has.
 */
public final class LeaderboardRoutes implements RouteGroup {

    /** The model source shown when none is asked for, when it exists. */
    public static final String DEFAULT_MODEL_SOURCE = "human";
    private static final String[] CSV_COLUMNS = {"rank", "rank_ub", "name", "display_name", "organisation", "licence",
        "rating", "ci_lower", "ci_upper", "battles", "preliminary", "excluded_votes"};
    private static final Duration SOURCES_CACHE = Duration.ofSeconds(30);

    /**
     * One row. {@code score} (with its interval) is the win-rate against the baseline in % on a baseline board, and
     * {@code styleScore} the same with answer length and markdown held equal; null on boards without them.
     */
    record Row(int rank, int rankUb, String name, String displayName, String organisation, String licence,
               double rating, Double ciLower, Double ciUpper, double battles, boolean preliminary, Double score,
               Double scoreLower, Double scoreUpper, Double styleScore, Double styleScoreLower, Double styleScoreUpper,
               Double avgTokens) {
    }

    /**
     * @param counts            what {@code battles} counts, in words ("arena votes", "human votes", …)
     * @param sourceDescription the source in a sentence: where its battles come from
     * @param nextUpdateAt      when the board is next recomputed if its inputs changed (null: not scheduled)
     * @param votesSince        arena boards: votes recorded after the board's data was read (not in it yet); else null
     * @param styleControl      whether these are the style-controlled ratings
     * @param styleControlAvailable whether the board has a style-controlled twin rated from the same battles
     */
    record View(String kind, String source, String category, Instant computedAt, Instant cutoff, long battles,
                String counts, String sourceDescription, Instant nextUpdateAt, Long votesSince,
                long excludedVotes, String inputsHash, JsonNode settings, boolean styleControl,
                boolean styleControlAvailable, List<Row> rows, List<String> sources) {
    }

    private final Database db;
    private final ObjectMapper json;
    private final double preliminaryBelow;
    private final Clock clock;
    private final Supplier<RefreshScheduler.Times> times;
    private final Map<ContestantKind, List<String>> sources = new HashMap<>();
    private Instant sourcesAt = Instant.MIN;

    /** @param preliminaryBelow rows with fewer (weighted) battles than this are marked preliminary */
    public LeaderboardRoutes(Database db, ObjectMapper json, double preliminaryBelow, Clock clock,
                             Supplier<RefreshScheduler.Times> times) {
        this.db = db;
        this.times = times;
        this.json = json;
        this.preliminaryBelow = preliminaryBelow;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/leaderboards/judges", ctx -> show(ctx, ContestantKind.JUDGE));
        routes.get("/api/leaderboards/models", ctx -> show(ctx, ContestantKind.MODEL));
        routes.get("/api/leaderboards/judges/matrix", ctx -> matrix(ctx, ContestantKind.JUDGE));
        routes.get("/api/leaderboards/models/matrix", ctx -> matrix(ctx, ContestantKind.MODEL));
    }

    /** The most rows a matrix has: the top of the board (a larger one is unreadable on a page). */
    static final int MATRIX_MAX = 20;

    /**
     * Observed results between the board's top contestants, from the battles the snapshot rated: {@code winRate[i][j]}
     * = (weighted) wins of i over j, a tie counting half, over their battles (null when they never met);
     * {@code battles[i][j]} = their (weighted) battles.
     */
    record Matrix(String kind, String source, String category, Instant cutoff, List<String> names,
                  List<String> displayNames, Double[][] winRate, double[][] battles) {
    }

    private final Map<Long, Matrix> matrices = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Matrix> eldest) {
            return size() > 32;
        }
    };

    private void matrix(Context ctx, ContestantKind kind) {
        Requested asked = requested(ctx, kind);
        String what = asked.what();
        Snapshot snapshot = asked.snapshot();
        Matrix m;
        synchronized (matrices) {
            m = matrices.get(snapshot.id());
        }
        if (m == null) {
            m = computeMatrix(kind, what, snapshot);
            synchronized (matrices) {
                matrices.put(snapshot.id(), m);
            }
        }
        ctx.header("Cache-Control", "no-cache").json(m);
    }

    /** Streams the snapshot's battles (same source, category, cut-off, counted votes only) into pair tallies. */
    private Matrix computeMatrix(ContestantKind kind, String what, Snapshot snapshot) {
        List<Row> rows = rows(kind, db.snapshots().rows(snapshot.id()));
        List<Row> top = rows.subList(0, Math.min(MATRIX_MAX, rows.size()));
        Map<String, Integer> index = new HashMap<>();
        for (Row r : top) index.put(r.name(), index.size());
        int n = top.size();
        double[][] wins = new double[n][n];
        double[][] battles = new double[n][n];
        BattleFilter filter = new BattleFilter(kind, snapshot.source(), snapshot.category(), snapshot.cutoff())
                .withoutFlaggedVotes();
        db.battles().forEachRow(filter, row -> {
            Integer a = index.get(row.a());
            Integer b = index.get(row.b());
            if (a == null || b == null || a.equals(b)) return;
            battles[a][b] += row.weight();
            battles[b][a] += row.weight();
            wins[a][b] += row.weight() * row.outcome();
            wins[b][a] += row.weight() * (1 - row.outcome());
        });
        Double[][] rate = new Double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) rate[i][j] = battles[i][j] > 0 ? wins[i][j] / battles[i][j] : null;
        }
        return new Matrix(what, snapshot.source(), snapshot.category(), snapshot.cutoff(),
                top.stream().map(Row::name).toList(), top.stream().map(Row::displayName).toList(), rate, battles);
    }

    /**
     * The board a request asks for: its kind in words, the sources there are, the latest good snapshot, and its
     * style-controlled twin when there is one rated from the same number of battles (else null).
     */
    private record Requested(String what, List<String> available, Snapshot snapshot, Snapshot styleControlled) {
    }

    private Requested requested(Context ctx, ContestantKind kind) {
        List<String> available = sources(kind);
        String source = ctx.queryParam("source");
        if (source == null) source = defaultSource(kind, available);
        String category = ctx.queryParam("category");
        if (category != null && category.isBlank()) category = null;
        String what = kind == ContestantKind.JUDGE ? "judges" : "models";
        Snapshot snapshot = latest(kind, what, source, category, available);
        Snapshot twin = db.snapshots().latestOk(kind, Board.styleControlled(source), category)
                .filter(t -> t.battleCount() == snapshot.battleCount()).orElse(null);
        return new Requested(what, available, snapshot, twin);
    }

    /** {@code style_control}: true or false (default). */
    private static boolean styleControlAsked(Context ctx) {
        String value = ctx.queryParam("style_control");
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw ProblemException.badRequest("Query parameter 'style_control' must be true or false, not '"
                + Problem.excerpt(value) + "'.");
    }

    private void show(Context ctx, ContestantKind kind) {
        boolean csv = wantsCsv(ctx);
        boolean styleControl = styleControlAsked(ctx);
        Requested asked = requested(ctx, kind);
        String what = asked.what();
        List<String> available = asked.available();
        if (styleControl && asked.styleControlled() == null) {
            throw new ProblemException(404, "no-style-control", "No style-controlled leaderboard",
                    "The " + what + " leaderboard for source '" + Problem.excerpt(asked.snapshot().source()) + "' has "
                    + "no style-controlled version: style control needs both answers' length and markdown on every "
                    + "battle, and applies to models' answers only. Leave out style_control.");
        }
        Snapshot plain = asked.snapshot();
        Snapshot snapshot = styleControl ? asked.styleControlled() : plain;
        List<Row> rows = rows(kind, db.snapshots().rows(snapshot.id()));
        if (csv) {
            writeCsv(ctx, rows, snapshot.excludedVotes());
            return;
        }
        boolean arena = kind == ContestantKind.JUDGE && plain.source().equals(StoredRounds.SOURCE);
        RefreshScheduler.Times due = times.get();
        Long votesSince = null;
        Instant next = LeaderboardRefresh.refreshes(plain.source()) ? due.nextFullAt() : null;
        if (arena) {
            Instant read = due.arenaReadAt() != null && due.arenaReadAt().isAfter(snapshot.cutoff())
                    ? due.arenaReadAt() : snapshot.cutoff();
            votesSince = db.votes().countAfter(read);
            if (due.nextArenaCheckAt() != null && (next == null || due.nextArenaCheckAt().isBefore(next))) {
                next = due.nextArenaCheckAt();
            }
        }
        ctx.header("Cache-Control", "no-cache").json(new View(what, plain.source(), plain.category(),
                snapshot.computedAt(), snapshot.cutoff(), snapshot.battleCount(), counts(kind, plain.source()),
                describeSource(kind, plain.source()), next, votesSince, snapshot.excludedVotes(),
                snapshot.inputsHash(), settings(snapshot), styleControl, asked.styleControlled() != null, rows,
                available));
    }

    /** What a board's {@code battles} counts, by source. */
    static String counts(ContestantKind kind, String source) {
        if (kind == ContestantKind.JUDGE && source.equals(StoredRounds.SOURCE)) return "arena votes";
        if (source.equals("human-agreement")) return "judge-vs-judge comparisons";
        if (source.equals("human")) return "human votes";
        if (source.startsWith("judge:")) return "judge verdicts";
        if (source.startsWith("collective:")) return "pairs of rated answers";
        return "battles";
    }

    /** Where a source's battles come from, in a sentence (the leaderboard page shows it under the source). */
    static String describeSource(ContestantKind kind, String source) {
        if (kind == ContestantKind.JUDGE && source.equals(StoredRounds.SOURCE)) {
            return "People's votes in this arena: each vote says which of two anonymous judges' critiques the voter "
                    + "agreed with. Flagged votes (too fast, over the daily cap, anomalous) are left out.";
        }
        if (source.equals("human-agreement")) {
            return "From the demo data, not from votes here: two judges that reviewed the same pair of answers meet, "
                    + "and the one whose verdict agrees with the human voters on those answers wins. Each count is "
                    + "one such comparison, so there are more of them than human votes.";
        }
        if (source.equals("human")) {
            return "People's votes between two models' answers to the same question (the demo's human judgements).";
        }
        if (source.startsWith("judge:")) {
            return "One LLM judge's verdicts (" + source.substring("judge:".length()) + ") between two models' answers "
                    + "to the same question.";
        }
        if (source.startsWith("baseline:")) {
            return "The baseline benchmark: each model's answers against the baseline model's, as one judge saw them.";
        }
        if (source.startsWith("collective:")) {
            return "The collective benchmark (run " + source.substring("collective:".length()) + "): the models wrote, "
                    + "filtered, answered and rated each other's questions. Score: the weighted mean of an answer's 1-5 "
                    + "ratings by the other models, averaged over questions; rating: Bradley-Terry on each question's "
                    + "answers in pairs (the higher-rated answer wins).";
        }
        return "Battles imported with source '" + source + "'.";
    }

    private Snapshot latest(ContestantKind kind, String what, String source, String category, List<String> available) {
        return db.snapshots().latestOk(kind, source, category).orElseThrow(() -> new ProblemException(404,
                "no-leaderboard", "No leaderboard", "There is no " + what + " leaderboard for source '" + Problem.excerpt(source) + "'"
                + (category == null ? "" : " and category '" + Problem.excerpt(category) + "'") + " yet; sources with battles: "
                + String.join(", ", available) + "."));
    }

    private String defaultSource(ContestantKind kind, List<String> available) {
        if (kind == ContestantKind.JUDGE) return defaultJudgeSource(available);
        if (available.contains(DEFAULT_MODEL_SOURCE) || available.isEmpty()) return DEFAULT_MODEL_SOURCE;
        return available.getFirst();
    }

    /** The judges' own arena board once it has votes; before that another judge source (the demo's agreement with the humans). */
    private String defaultJudgeSource(List<String> available) {
        boolean arenaHasVotes = db.snapshots().latestOk(ContestantKind.JUDGE, "arena", null)
                .filter(s -> s.battleCount() > 0).isPresent();
        return arenaHasVotes ? "arena" : available.stream().filter(s -> !s.equals("arena")).findFirst().orElse("arena");
    }

    private static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("Query parameter 'format' must be json or csv, not '"
                        + Problem.excerpt(format) + "'.");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv");
    }

    private List<Row> rows(ContestantKind kind, List<SnapshotRow> stored) {
        Map<String, Contestant> byName = new HashMap<>();
        for (Contestant c : db.contestants().list(kind)) byName.put(c.name(), c);
        List<SnapshotRow> ordered = new ArrayList<>(stored);
        ordered.sort(Comparator.comparingDouble(SnapshotRow::rating).reversed().thenComparing(SnapshotRow::contestant));
        List<Row> rows = new ArrayList<>();
        for (SnapshotRow r : ordered) {
            Contestant c = byName.get(r.contestant());
            rows.add(new Row(rows.size() + 1, r.rankUb(), r.contestant(), c == null ? r.contestant() : c.displayName(),
                    c == null ? null : c.organisation(), c == null ? null : c.licence(), r.rating(), r.ratingLower(),
                    r.ratingUpper(), r.battles(), r.battles() < preliminaryBelow, r.score(), r.scoreLower(),
                    r.scoreUpper(), r.styleScore(), r.styleScoreLower(), r.styleScoreUpper(), r.avgTokens()));
        }
        return rows;
    }

    private JsonNode settings(Snapshot snapshot) {
        try {
            return json.readTree(snapshot.settingsJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sources that have battles of this kind, re-read at most every 30 s (a scan of the battles). */
    private synchronized List<String> sources(ContestantKind kind) {
        Instant now = clock.instant();
        if (now.isAfter(sourcesAt.plus(SOURCES_CACHE))) {
            sources.clear();
            sourcesAt = now;
        }
        return sources.computeIfAbsent(kind, k -> {
            List<String> found = new ArrayList<>(db.battles().sources(k));
            if (k == ContestantKind.JUDGE && !found.contains("arena")) found.addFirst("arena");
            return List.copyOf(found);
        });
    }

    private static void writeCsv(Context ctx, List<Row> rows, long excludedVotes) {
        ctx.contentType("text/csv; charset=utf-8").header("Tribunal-Excluded-Votes", Long.toString(excludedVotes));
        try {
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out);
            for (Row r : rows) {
                csv.printRecord(r.rank(), r.rankUb(), r.name(), r.displayName(), r.organisation(), r.licence(),
                        r.rating(), r.ciLower(), r.ciUpper(), r.battles(), r.preliminary(), excludedVotes);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
