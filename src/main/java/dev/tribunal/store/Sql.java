package dev.tribunal.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * How the DAOs reach the database. Reads use a pool; writes run in a transaction: for SQLite on its
 * single writer connection through a {@link WriteQueue} (writers queue in the JVM instead of failing
 * with SQLITE_BUSY, and share commits), for PostgreSQL on the same pool as the reads. Constraint
 * violations come out as typed exceptions. Every call made on a virtual thread runs on {@link StoreThreads}
 * (platform threads), so that blocking JDBC never holds a virtual thread's carrier.
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
    private final StoreThreads threads;
    /** Set inside {@link Database#inTransaction}: every call then runs on this handle, in its transaction. */
    private final Handle bound;

    Sql(Jdbi reader, Jdbi writer, WriteQueue queue, Dialect dialect, Clock clock, StoreThreads threads) {
        this(reader, writer, queue, dialect, clock, threads, null);
    }

    private Sql(Jdbi reader, Jdbi writer, WriteQueue queue, Dialect dialect, Clock clock, StoreThreads threads,
                Handle bound) {
        this.reader = reader;
        this.writer = writer;
        this.queue = queue;
        this.dialect = dialect;
        this.clock = clock;
        this.threads = threads;
        this.bound = bound;
    }

    /** Runs the work in one write transaction, with an Sql whose every call joins that transaction. */
    <R> R transaction(java.util.function.Function<Sql, R> work) {
        if (bound != null) return work.apply(this);
        return write(h -> work.apply(new Sql(reader, writer, queue, dialect, clock, threads, h)));
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
        return threads.call(() -> translate(() -> reader.withHandle(callback)));
    }

    /**
     * As {@link #read(HandleCallback)}, stopped by the database once it has run for {@code budget}: then a
     * {@link QueryBudgetExceededException}. SQLite: a progress handler that interrupts the statement running at
     * the deadline, so the budget covers the whole callback (sqlite-jdbc's {@code setQueryTimeout} only sets the
     * busy timeout, i.e. how long to wait for a lock). PostgreSQL: {@code statement_timeout}, per statement, in
     * a read transaction.
     */
    <R> R read(Duration budget, HandleCallback<R, RuntimeException> callback) {
        if (bound != null) return read(callback);
        return threads.call(() -> translate(() -> dialect == Dialect.SQLITE
                ? reader.withHandle(h -> withinSqliteBudget(h, budget, callback))
                : reader.inTransaction(h -> {
                    h.execute("SET LOCAL statement_timeout = " + Math.max(1, budget.toMillis()));
                    return callback.withHandle(h);
                })));
    }

    /** SQLite calls the handler every this many virtual-machine instructions (microseconds of work). */
    private static final int PROGRESS_STEPS = 1_000;

    private static <R> R withinSqliteBudget(Handle h, Duration budget, HandleCallback<R, RuntimeException> callback) {
        long deadline = System.nanoTime() + budget.toNanos();
        SQLiteConnection connection;
        try {
            connection = h.getConnection().unwrap(SQLiteConnection.class);
            ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return System.nanoTime() - deadline > 0 ? 1 : 0;   // non-zero interrupts the statement
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot set a query budget", e);
        }
        try {
            return callback.withHandle(h);
        } finally {
            try {
                ProgressHandler.clearHandler(connection);
            } catch (SQLException e) {
                // the connection is broken: the pool finds out when it next hands it out
            }
        }
    }

    /**
     * Runs a read inside a transaction, as streaming needs: PostgreSQL only honours the fetch size
     * (a server-side cursor) when auto-commit is off.
     */
    void stream(HandleConsumer<RuntimeException> consumer) {
        if (bound != null) {
            translate(() -> {
                consumer.useHandle(bound);
                return null;
            });
            return;
        }
        threads.call(() -> translate(() -> {
            reader.useTransaction(consumer);
            return null;
        }));
    }

    /** Runs the callback in one write transaction: all of it is stored, or none of it. Do not nest. */
    <R> R write(HandleCallback<R, RuntimeException> callback) {
        if (bound != null) return translate(() -> callback.withHandle(bound));
        // the SQLite writer is a platform thread already: the caller parks on its result
        if (queue != null) return translate(() -> queue.submit(callback));
        return threads.call(() -> translate(() -> writer.inTransaction(callback)));
    }

    private <R> R translate(java.util.function.Supplier<R> action) {
        try {
            return action.get();
        } catch (JdbiException e) {
            String why = rootMessage(e);
            if (dialect.isCancelled(e)) throw new QueryBudgetExceededException("stopped at its time budget", e);
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
