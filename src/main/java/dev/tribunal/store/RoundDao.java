package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rounds}: arena rounds dealt to voters. */
public final class RoundDao {

    private static final String INSERT = "INSERT INTO rounds (id, sample_id, eval_a_id, eval_b_id, voter_hash, "
            + "created_at, expires_at) VALUES (:id, :sampleId, :a, :b, :voter, :createdAt, :expiresAt)";

    private final Sql sql;

    RoundDao(Sql sql) {
        this.sql = sql;
    }

    /** {@link DuplicateKeyException} when the id is taken; {@link MissingReferenceException} for unknown rows. */
    public Round insert(Round r) {
        sql.write(h -> bind(h.createUpdate(INSERT), r).execute());
        return r;
    }

    private static <S extends SqlStatement<S>> S bind(S st, Round r) {
        return st.bind("id", r.id()).bind("sampleId", r.sampleId()).bind("a", r.evalAId()).bind("b", r.evalBId())
                .bind("voter", r.voterHash()).bind("createdAt", r.createdAt().toEpochMilli())
                .bind("expiresAt", r.expiresAt().toEpochMilli());
    }

    /** Stores the rounds in one transaction, in batches; returns how many. */
    public int insertAll(Collection<Round> rounds) {
        return sql.write(h -> Batches.insert(h, INSERT, rounds, (batch, r) -> bind(batch, r)));
    }

    public Optional<Round> byId(String id) {
        return sql.read(h -> h.createQuery("SELECT id, sample_id, eval_a_id, eval_b_id, voter_hash, created_at, "
                + "expires_at FROM rounds WHERE id = :id").bind("id", id).map(RoundDao::map).findOne());
    }

    /** Rounds dealt to this voter at or after {@code since} (rate limits). */
    public long countCreatedSince(String voterHash, Instant since) {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM rounds WHERE voter_hash = :v AND created_at >= :t")
                .bind("v", voterHash).bind("t", since.toEpochMilli()).mapTo(Long.class).one());
    }

    /** Deletes rounds that expired before {@code now} without a vote; returns how many. */
    public int deleteExpiredUnvoted(Instant now) {
        return sql.write(h -> h.createUpdate("DELETE FROM rounds WHERE expires_at <= :now "
                + "AND NOT EXISTS (SELECT 1 FROM votes WHERE votes.round_id = rounds.id)")
                .bind("now", now.toEpochMilli()).execute());
    }

    static Round map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Round(rs.getString("id"), rs.getLong("sample_id"), rs.getLong("eval_a_id"), rs.getLong("eval_b_id"),
                rs.getString("voter_hash"), Columns.instant(rs, "created_at"), Columns.instant(rs, "expires_at"));
    }
}
