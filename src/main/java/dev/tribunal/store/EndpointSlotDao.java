package dev.tribunal.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Table {@code endpoint_slots} (PostgreSQL): an endpoint's cluster-wide limit on calls in flight as that many rows.
 * Taking a slot is one update of a free row (or one whose lease ran out: its holder died) picked with
 * {@code SKIP LOCKED}, so nodes racing for slots never wait on each other's locks; giving it back is one update.
 */
public final class EndpointSlotDao {

    private final Sql sql;

    public EndpointSlotDao(Database db) {
        if (db.dialect() != Dialect.POSTGRESQL) throw new IllegalArgumentException("endpoint slots need PostgreSQL");
        this.sql = db.sql();
    }

    /** Makes sure the endpoint has slots 0 … limit − 1 (a lower limit leaves the higher slots unused). */
    public void ensure(String endpoint, int limit) {
        sql.write(h -> {
            for (int slot = 0; slot < limit; slot++) {
                h.createUpdate("INSERT INTO endpoint_slots (endpoint, slot) VALUES (:e, :s) ON CONFLICT DO NOTHING")
                        .bind("e", endpoint).bind("s", slot).execute();
            }
            return null;
        });
    }

    /** Takes a free slot below {@code limit} for {@code holder} until now + lease; empty when all are taken. */
    public Optional<Integer> take(String endpoint, int limit, String holder, Duration lease) {
        long now = sql.nowMillis();
        return sql.write(h -> h.createQuery("""
                        UPDATE endpoint_slots SET holder = :holder, lease_until = :until
                        WHERE endpoint = :e AND slot = (
                          SELECT slot FROM endpoint_slots
                          WHERE endpoint = :e AND slot < :limit AND (holder IS NULL OR lease_until < :now)
                          ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING slot""")
                .bind("holder", holder).bind("until", now + lease.toMillis()).bind("e", endpoint)
                .bind("limit", limit).bind("now", now).mapTo(Integer.class).findOne());
    }

    /** Gives the slot back, if {@code holder} still has it. */
    public void release(String endpoint, int slot, String holder) {
        sql.write(h -> h.createUpdate("UPDATE endpoint_slots SET holder = NULL, lease_until = NULL "
                        + "WHERE endpoint = :e AND slot = :s AND holder = :holder")
                .bind("e", endpoint).bind("s", slot).bind("holder", holder).execute());
    }

    /** Slots of the endpoint held now (leases not run out). */
    public int held(String endpoint) {
        long now = sql.nowMillis();
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM endpoint_slots WHERE endpoint = :e AND holder IS NOT NULL "
                + "AND lease_until >= :now").bind("e", endpoint).bind("now", now).mapTo(Integer.class).one());
    }
}
