package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8, item 3, in the store: blocking JDBC never runs on a virtual thread (its carrier would be pinned), the
 * caller still sees the store's typed exceptions, transactions stay on one thread, and a read with a time budget
 * is stopped by the database once the budget is spent.
 */
class BlockingCallsTest {

    @TempDir
    Path dir;

    private ScratchDatabase scratch;
    private Database db;

    private void open(String engine) {
        scratch = ScratchDatabase.open(engine, dir, Clock.systemUTC());
        db = scratch.database();
    }

    @AfterEach
    void close() {
        if (scratch != null) scratch.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void storeCallsFromVirtualThreadsRunOnPlatformThreads(String engine) throws Exception {
        open(engine);
        Sample sample = Sample.pair("in", "a", "b", "m1", "m2", SampleSource.DEMO, null).withExternalKey("k1");
        boolean readOnVirtual = onVirtualThread(() -> db.sql().read(h -> Thread.currentThread().isVirtual()));
        boolean writeOnVirtual = onVirtualThread(() -> db.sql().write(h -> Thread.currentThread().isVirtual()));
        assertThat(readOnVirtual).isFalse();
        assertThat(writeOnVirtual).isFalse();
        AtomicReference<Thread> streamedOn = new AtomicReference<>();
        onVirtualThread(() -> {
            db.sql().stream(h -> streamedOn.set(Thread.currentThread()));
            return null;
        });
        assertThat(streamedOn.get().isVirtual()).isFalse();

        // the typed exceptions reach the caller as thrown
        onVirtualThread(() -> db.samples().insert(sample));
        assertThatThrownBy(() -> onVirtualThread(() -> db.samples().insert(sample)))
                .isInstanceOf(DuplicateKeyException.class);

        // a transaction's calls all run on the thread that holds its handle; a failure undoes all of it
        List<Thread> threads = new ArrayList<>();
        assertThatThrownBy(() -> onVirtualThread(() -> db.inTransaction(tx -> {
            threads.add(Thread.currentThread());
            tx.samples().insert(Sample.pair("in", "a", "b", "m1", "m2", SampleSource.DEMO, null).withExternalKey("k2"));
            tx.sql().read(h -> threads.add(Thread.currentThread()));
            return tx.samples().insert(sample);
        }))).isInstanceOf(DuplicateKeyException.class);
        assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t).isSameAs(threads.getFirst()));
        assertThat(db.samples().byExternalKey("k2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aReadOverItsBudgetIsStoppedAndTheConnectionStaysUsable(String engine) throws Exception {
        open(engine);
        // counts to a billion: minutes of work for either database
        String slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
                + "SELECT COUNT(*) FROM n";
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> onVirtualThread(() -> db.sql().read(Duration.ofMillis(300),
                    h -> h.createQuery(slow).mapTo(Long.class).one())))
                    .isInstanceOf(QueryBudgetExceededException.class);
        }
        // the budget is gone with the call: the same connections answer, also long-running reads without one
        int seven = db.sql().read(Duration.ofSeconds(30), h -> h.createQuery("SELECT 7").mapTo(Integer.class).one());
        assertThat(seven).isEqualTo(7);
        long counted = db.sql().read(h -> h.createQuery("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                + "FROM n WHERE i < 300000) SELECT COUNT(*) FROM n").mapTo(Long.class).one());
        assertThat(counted).isEqualTo(300_000L);
    }

    private static <T> T onVirtualThread(Callable<T> work) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<T> result = executor.submit(work);
            try {
                return result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
        }
    }
}
