package dev.tribunal.store;

import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * How the DAOs reach the database. Reads use a pool; writes run in a transaction: for SQLite on its
 * single writer connection through a {@link WriteQueue} (writers queue in the JVM instead of failing
 * with SQLITE_BUSY, and share commits), for PostgreSQL on the same pool as the reads. Constraint
 * violations come out as typed exceptions.
 */
public final class Sql {

    /** Rows fetched per round trip when streaming; PostgreSQL then uses a cursor instead of loading all rows. */
    static final int FETCH_SIZE = 2_000;

    private final Jdbi reader;
    private final Jdbi writer;
    /** SQLite: the single writer with group commit; null for PostgreSQL, whose pool takes concurrent writers. */
    private final WriteQueue queue;
    private final Dialect dialect;
    private final Clock clock;
    /** Set inside {@link Database#inTransaction}: every call then runs on this handle, in its transaction. */
    private final Handle bound;

    Sql(Jdbi reader, Jdbi writer, WriteQueue queue, Dialect dialect, Clock clock) {
        this(reader, writer, queue, dialect, clock, null);
    }

    private Sql(Jdbi reader, Jdbi writer, WriteQueue queue, Dialect dialect, Clock clock, Handle bound) {
        this.reader = reader;
        this.writer = writer;
        this.queue = queue;
        this.dialect = dialect;
        this.clock = clock;
        this.bound = bound;
    }

    /** Runs the work in one write transaction, with an Sql whose every call joins that transaction. */
    <R> R transaction(java.util.function.Function<Sql, R> work) {
        if (bound != null) return work.apply(this);
        return write(h -> work.apply(new Sql(reader, writer, queue, dialect, clock, h)));
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The current time at the database's precision (milliseconds). */
    Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    long nowMillis() {
        return clock.millis();
    }

    /** The given time, or now when null, at the database's precision: what a stored row reads back. */
    Instant stamp(Instant at) {
        return at == null ? now() : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Runs a read on a pooled connection (read-only for SQLite). Must not write. */
    <R> R read(HandleCallback<R, RuntimeException> callback) {
        if (bound != null) return translate(() -> callback.withHandle(bound));
        return translate(() -> reader.withHandle(callback));
    }

    /**
     * Runs a read inside a transaction, as streaming needs: PostgreSQL only honours the fetch size
     * (a server-side cursor) when auto-commit is off.
     */
    void stream(HandleConsumer<RuntimeException> consumer) {
        translate(() -> {
            if (bound != null) consumer.useHandle(bound);
            else reader.useTransaction(consumer);
            return null;
        });
    }

    /** Runs the callback in one write transaction: all of it is stored, or none of it. Do not nest. */
    <R> R write(HandleCallback<R, RuntimeException> callback) {
        if (bound != null) return translate(() -> callback.withHandle(bound));
        if (queue != null) return translate(() -> queue.submit(callback));
        return translate(() -> writer.inTransaction(callback));
    }

    private <R> R translate(java.util.function.Supplier<R> action) {
        try {
            return action.get();
        } catch (JdbiException e) {
            String why = rootMessage(e);
            if (dialect.isUniqueViolation(e)) throw new DuplicateKeyException(why, e);
            if (dialect.isForeignKeyViolation(e)) throw new MissingReferenceException(why, e);
            if (dialect.isCheckViolation(e)) throw new InvalidRowException(why, e);
            throw e;
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) c = c.getCause();
        return c.getMessage();
    }
}
