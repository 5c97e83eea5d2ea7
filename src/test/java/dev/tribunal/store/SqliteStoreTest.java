package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DAO contract on SQLite, plus what only a file database has: pragmas, reopening, one writer. */
class SqliteStoreTest extends StoreContract {

    @TempDir
    static Path dir;

    @Override
    TestDatabase testDatabase() {
        return TestDatabase.sqlite(dir.resolve("contract/nested/tribunal.db"));
    }

    @Test
    void theFileAndItsDirectoryAreCreatedWithThePragmas() {
        assertThat(dir.resolve("contract/nested/tribunal.db")).exists();
        assertThat(pragma("journal_mode")).isEqualTo("wal");
        assertThat(pragma("foreign_keys")).isEqualTo("1");
        assertThat(pragma("synchronous")).isEqualTo("1"); // NORMAL
        assertThat(Long.parseLong(pragma("busy_timeout"))).isPositive();
    }

    private String pragma(String name) {
        return db.sql().read(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    @Test
    void dataSurvivesClosingAndReopening(@TempDir Path other) {
        String url = "jdbc:sqlite:" + other.resolve("reopen.db");
        long id;
        try (Database first = Database.open(url)) {
            id = first.samples().insert(Sample.pair("q", "a", "b", "m1", "m2", SampleSource.DEMO, "c").withExternalKey("k")).id();
            first.battles().insert(battle("m1", "m2", 1, "human", T0));
            first.settings().getOrInsert("some_setting", "kept");
        }
        try (Database again = Database.open(url)) {
            assertThat(again.samples().byId(id)).map(Sample::externalKey).contains("k");
            assertThat(again.battles().count(BattleFilter.all())).isEqualTo(1);
            assertThat(again.settings().get("some_setting")).contains("kept");
        }
    }

    @Test
    void concurrentVotesAllLandWithoutBusyErrors() throws Exception {
        Contestant j1 = judge("j1");
        Contestant j2 = judge("j2");
        Sample s = pairSample("s");
        Evaluation a = evaluation(s, j1, "A>B");
        Evaluation b = evaluation(s, j2, "B>A");
        int threads = 16;
        int perThread = 100;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = "r-" + thread + "-" + i;
                        Instant at = T0.plusMillis(i);
                        round(id, a, b, at);
                        db.votes().record(new Vote(id, VoteChoice.A, "voter-" + thread, at),
                                BattleRow.of(ContestantKind.JUDGE, "j1", "j2", 1, "arena", null).withCreatedAt(at));
                        // reads interleave with the writes
                        assertThat(db.votes().byRound(id)).isPresent();
                    }
                }));
            }
            for (Future<?> f : tasks) f.get();
        }
        assertThat(db.votes().count()).isEqualTo(threads * perThread);
        assertThat(db.battles().count(BattleFilter.of(ContestantKind.JUDGE))).isEqualTo(threads * perThread);
    }

    @Test
    void writersRacingWithCloseEndWithAnErrorInsteadOfWaitingForever(@TempDir Path other) throws Exception {
        Database closing = Database.open("jdbc:sqlite:" + other.resolve("closing.db"));
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        List<Throwable> endings = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    try {
                        for (int i = 0; ; i++) {
                            closing.settings().put("k" + thread + "-" + i, "v");
                            stored.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        endings.add(e);
                    }
                }));
            }
            while (stored.get() < 100) Thread.sleep(5);
            closing.close();
            for (Future<?> f : writers) f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(endings).hasSize(8).allSatisfy(e -> assertThat(e).isInstanceOf(RuntimeException.class));
        assertThat(endings).anySatisfy(e -> assertThat(e).isInstanceOf(StoreException.class)
                .hasMessage("the database is closed"));
        try (Database reopened = Database.open("jdbc:sqlite:" + other.resolve("closing.db"))) {
            // every write a caller was told succeeded is there
            long rows = reopened.sql().read(h -> h.createQuery("SELECT COUNT(*) FROM settings").mapTo(Long.class).one());
            assertThat(rows).isGreaterThanOrEqualTo(stored.get());
        }
    }

    @Test
    void aWriteInsideATransactionMustUseItsView() {
        assertThatThrownBy(() -> db.useTransaction(tx -> db.settings().put("outside", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must use the Database it was given");
        assertThat(db.settings().get("outside")).isEmpty();
    }

    @Test
    void anInMemoryDatabaseWorksOnOneConnection() {
        try (Database memory = Database.open("jdbc:sqlite::memory:")) {
            memory.contestants().insert(Contestant.of(ContestantKind.MODEL, "m", null, null, null));
            assertThat(memory.contestants().list(ContestantKind.MODEL)).hasSize(1);
        }
    }

    @Test
    void aRelativePathCreatesItsDirectory(@TempDir Path other) throws Exception {
        Path file = other.resolve("a/b/c.db");
        try (Database created = Database.open("jdbc:sqlite:file:" + file + "?cache=private")) {
            assertThat(created.samples().count()).isZero();
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
