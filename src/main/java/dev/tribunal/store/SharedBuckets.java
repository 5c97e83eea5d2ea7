package dev.tribunal.store;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;

/**
 * Token buckets in PostgreSQL's table {@code voter_buckets}, shared by every node of a cluster:
 * <a href="https://bucket4j.com">Bucket4j</a>'s PostgreSQL backend, which reads and writes a bucket's row under
 * {@code SELECT … FOR UPDATE} (one short transaction per look or take), so a limit holds however the load balancer
 * spreads a voter's requests. A row expires once its bucket would have refilled; {@link #removeExpired()} deletes
 * those.
 */
public final class SharedBuckets {

    private static final int DELETE_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /** @throws IllegalArgumentException on SQLite, where one process keeps its limits in memory */
    public SharedBuckets(Database db) {
        if (db.dialect() != Dialect.POSTGRESQL) throw new IllegalArgumentException("shared buckets need PostgreSQL");
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db.librarySource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("voter_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }

    public ProxyManager<String> buckets() {
        return buckets;
    }

    /** Deletes the rows of buckets that have refilled (their voters are as new); returns how many. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(DELETE_BATCH);
            removed += batch;
        } while (batch == DELETE_BATCH);
        return removed;
    }
}
