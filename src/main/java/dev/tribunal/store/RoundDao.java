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

    /** A round and its vote, null until voted. */
    public record WithVote(Round round, Vote vote) {
    }

    /** The round and its vote in one query (the votes' primary key is the round's id). */
    public Optional<WithVote> byId(String id) {
        return sql.read(h -> h.createQuery("SELECT r.id, r.sample_id, r.eval_a_id, r.eval_b_id, r.voter_hash, "
                        + "r.created_at, r.expires_at, v.choice AS v_choice, v.voter_hash AS v_voter_hash, "
                        + "v.created_at AS v_created_at, v.flag AS v_flag "
                        + "FROM rounds r LEFT JOIN votes v ON v.round_id = r.id WHERE r.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new WithVote(map(rs, ctx), rs.getString("v_choice") == null ? null
                        : new Vote(rs.getString("id"), VoteChoice.of(rs.getString("v_choice")),
                                rs.getString("v_voter_hash"), Columns.instant(rs, "v_created_at"),
                                VoteFlag.of(rs.getString("v_flag")))))
                .findOne());
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
