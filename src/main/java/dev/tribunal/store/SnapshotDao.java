package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Tables {@code snapshots} and {@code snapshot_rows}: immutable leaderboards, insert only. */
public final class SnapshotDao {

    private static final String COLUMNS = "id, kind, source, category, computed_at, cutoff, battle_count, inputs_hash, "
            + "settings_json, status, error, excluded_votes";

    private final Sql sql;

    SnapshotDao(Sql sql) {
        this.sql = sql;
    }

    /** Stores the snapshot and its rows in one transaction; returns it with its id. */
    public Snapshot insert(Snapshot s, List<SnapshotRow> rows) {
        long id = sql.write(h -> {
            long newId = h.createQuery("INSERT INTO snapshots (kind, source, category, computed_at, cutoff, battle_count, "
                            + "inputs_hash, settings_json, status, error, excluded_votes) VALUES (:kind, :source, :category, "
                            + ":computedAt, :cutoff, :battleCount, :inputsHash, :settingsJson, :status, :error, :excluded) "
                            + "RETURNING id")
                    .bind("kind", s.kind().code()).bind("source", s.source()).bind("category", s.category())
                    .bind("computedAt", s.computedAt().toEpochMilli()).bind("cutoff", s.cutoff().toEpochMilli())
                    .bind("battleCount", s.battleCount()).bind("inputsHash", s.inputsHash())
                    .bind("settingsJson", s.settingsJson()).bind("status", s.status().code()).bind("error", s.error())
                    .bind("excluded", s.excludedVotes())
                    .mapTo(Long.class).one();
            if (!rows.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO snapshot_rows (snapshot_id, contestant, rank_ub, "
                        + "rating, rating_lower, rating_upper, score, score_lower, score_upper, battles, avg_tokens, "
                        + "style_score, style_score_lower, style_score_upper) "
                        + "VALUES (:id, :contestant, :rankUb, :rating, :ratingLower, :ratingUpper, :score, :scoreLower, "
                        + ":scoreUpper, :battles, :avgTokens, :styleScore, :styleScoreLower, :styleScoreUpper)");
                for (SnapshotRow r : rows) {
                    batch.bind("id", newId).bind("contestant", r.contestant()).bind("rankUb", r.rankUb())
                            .bind("rating", r.rating()).bind("ratingLower", r.ratingLower())
                            .bind("ratingUpper", r.ratingUpper()).bind("score", r.score())
                            .bind("scoreLower", r.scoreLower()).bind("scoreUpper", r.scoreUpper())
                            .bind("battles", r.battles()).bind("avgTokens", r.avgTokens())
                            .bind("styleScore", r.styleScore()).bind("styleScoreLower", r.styleScoreLower())
                            .bind("styleScoreUpper", r.styleScoreUpper()).add();
                }
                batch.execute();
            }
            return newId;
        });
        return s.withId(id);
    }

    /** The most recently computed snapshot with status ok for (kind, source, category); category null = all. */
    public Optional<Snapshot> latestOk(ContestantKind kind, String source, String category) {
        String categoryTest = category == null ? "category IS NULL" : "category = :category";
        return sql.read(h -> {
            Query q = h.createQuery("SELECT " + COLUMNS + " FROM snapshots WHERE kind = :kind AND source = :source AND "
                            + categoryTest + " AND status = 'ok' ORDER BY computed_at DESC, id DESC LIMIT 1")
                    .bind("kind", kind.code()).bind("source", source);
            if (category != null) q.bind("category", category);
            return q.map(SnapshotDao::map).findOne();
        });
    }

    public Optional<Snapshot> byId(long id) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM snapshots WHERE id = :id")
                .bind("id", id).map(SnapshotDao::map).findOne());
    }

    /** The newest snapshots of a kind, any status, newest first. */
    public List<Snapshot> recent(ContestantKind kind, int limit) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM snapshots WHERE kind = :kind "
                        + "ORDER BY computed_at DESC, id DESC LIMIT :limit")
                .bind("kind", kind.code()).bind("limit", limit).map(SnapshotDao::map).list());
    }

    /** The snapshot's rows, best first (by rank, then rating). */
    public List<SnapshotRow> rows(long snapshotId) {
        return sql.read(h -> h.createQuery("SELECT contestant, rank_ub, rating, rating_lower, rating_upper, score, "
                        + "score_lower, score_upper, battles, avg_tokens, style_score, style_score_lower, "
                        + "style_score_upper FROM snapshot_rows WHERE snapshot_id = :id "
                        + "ORDER BY rank_ub, rating DESC, contestant")
                .bind("id", snapshotId)
                .map((rs, ctx) -> new SnapshotRow(rs.getString("contestant"), rs.getInt("rank_ub"), rs.getDouble("rating"),
                        Columns.doubleOrNull(rs, "rating_lower"), Columns.doubleOrNull(rs, "rating_upper"),
                        Columns.doubleOrNull(rs, "score"), Columns.doubleOrNull(rs, "score_lower"),
                        Columns.doubleOrNull(rs, "score_upper"), rs.getDouble("battles"),
                        Columns.doubleOrNull(rs, "avg_tokens"), Columns.doubleOrNull(rs, "style_score"),
                        Columns.doubleOrNull(rs, "style_score_lower"), Columns.doubleOrNull(rs, "style_score_upper")))
                .list());
    }

    static Snapshot map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Snapshot(rs.getLong("id"), ContestantKind.of(rs.getString("kind")), rs.getString("source"),
                rs.getString("category"), Columns.instant(rs, "computed_at"), Columns.instant(rs, "cutoff"),
                rs.getLong("battle_count"), rs.getString("inputs_hash"), rs.getString("settings_json"),
                SnapshotStatus.of(rs.getString("status")), rs.getString("error"), rs.getLong("excluded_votes"));
    }
}
