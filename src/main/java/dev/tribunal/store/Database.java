package dev.tribunal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The open database: migrated on open, with one DAO per table family. SQLite gets a pool of read-only
 * connections plus a single writer connection fed by a write queue (group commit); PostgreSQL one pool
 * for both. Calls from virtual threads run on a pool of platform threads, one per connection
 * ({@link StoreThreads}). Close it to release them.
 */
public final class Database implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Sql sql;
    private final List<HikariDataSource> pools;
    private final WriteQueue queue;
    /** For the libraries that bring their own SQL; null in the view {@link #inTransaction} gives. */
    private final DataSource librarySource;
    /** Null in the view {@link #inTransaction} gives: that view owns nothing. */
    private final StoreThreads threads;
    private final ContestantDao contestants;
    private final SampleDao samples;
    private final EvaluationDao evaluations;
    private final RoundDao rounds;
    private final VoteDao votes;
    private final BattleDao battles;
    private final SnapshotDao snapshots;
    private final JobDao jobs;
    private final BenchDao bench;
    private final SettingDao settings;
    private final ReportDao reports;

    private Database(Sql sql, List<HikariDataSource> pools, WriteQueue queue, DataSource librarySource,
                     StoreThreads threads) {
        this.sql = sql;
        this.pools = pools;
        this.queue = queue;
        this.librarySource = librarySource;
        this.threads = threads;
        this.contestants = new ContestantDao(sql);
        this.samples = new SampleDao(sql);
        this.evaluations = new EvaluationDao(sql);
        this.rounds = new RoundDao(sql);
        this.battles = new BattleDao(sql);
        this.votes = new VoteDao(sql, battles);
        this.snapshots = new SnapshotDao(sql);
        this.jobs = new JobDao(sql);
        this.bench = new BenchDao(sql);
        this.settings = new SettingDao(sql);
        this.reports = new ReportDao(sql);
    }

    /** Opens (creating the file and its directory for SQLite) and migrates the database at this JDBC URL. */
    public static Database open(String jdbcUrl) {
        return open(ConnectionSettings.of(jdbcUrl), Clock.systemUTC());
    }

    public static Database open(ConnectionSettings settings, Clock clock) {
        Dialect dialect = Dialect.of(settings.url());
        return dialect == Dialect.SQLITE ? openSqlite(settings, clock) : openPostgres(settings, clock);
    }

    private static Database openSqlite(ConnectionSettings settings, Clock clock) {
        String url = settings.url();
        boolean memory = url.contains(":memory:") || url.contains("mode=memory");
        if (!memory) {
            createParentDirectory(url);
            migrate(sqliteSource(url, false), Dialect.SQLITE);
        }
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            // an in-memory database lives as long as its one connection: never retire it
            HikariDataSource writer = pool("tribunal-write", sqliteSource(url, true), 1, null, memory);
            pools.add(writer);
            if (memory) migrate(writer, Dialect.SQLITE);
            // An in-memory database exists once per connection: reads must share the writer.
            HikariDataSource reader = memory ? writer
                    : pool("tribunal-read", sqliteSource(url, false), settings.poolSize(), "PRAGMA query_only = 1", false);
            if (!memory) pools.add(reader);
            // libraries with SQL of their own (the job scheduler) write through a connection of their own, taking turns
            // with the writer's
            HikariDataSource jobs = memory ? writer : pool("tribunal-jobs", sqliteSource(url, true), 1, null, false);
            if (!memory) pools.add(jobs);
            Jdbi writes = Jdbi.create(writer);
            WriteQueue queue = new WriteQueue(writes);
            // one thread per read connection: writes go through the queue's own thread
            StoreThreads threads = new StoreThreads("tribunal-db", memory ? 1 : settings.poolSize());
            return new Database(new Sql(Jdbi.create(reader), writes, queue, Dialect.SQLITE, clock, threads), pools,
                    queue, jobs, threads);
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
    }

    private static Database openPostgres(ConnectionSettings settings, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tribunal");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, Dialect.POSTGRESQL);
            Jdbi jdbi = Jdbi.create(pool);
            StoreThreads threads = new StoreThreads("tribunal-db", settings.poolSize());
            return new Database(new Sql(jdbi, jdbi, null, Dialect.POSTGRESQL, clock, threads), List.of(pool), null,
                    pool, threads);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Every connection gets the same pragmas; the writer also begins its transactions IMMEDIATE. */
    private static SQLiteDataSource sqliteSource(String url, boolean writer) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        if (writer) config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static HikariDataSource pool(String name, DataSource source, int size, String initSql, boolean keep) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        if (initSql != null) config.setConnectionInitSql(initSql);
        if (keep) config.setMaxLifetime(0);
        return new HikariDataSource(config);
    }

    private static void migrate(DataSource source, Dialect dialect) {
        Flyway.configure()
                .dataSource(source)
                // portable migrations, and the few that must differ per database (V8: SQLite cannot alter a CHECK)
                .locations("classpath:db/migration", "classpath:db/vendor/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    private static void createParentDirectory(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        if (path.startsWith("file:")) path = path.substring("file:".length());
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        if (path.isEmpty()) return;
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + parent, e);
        }
    }

    /**
     * Runs the work in one write transaction: the Database it is given has the same DAOs, and every call
     * on them joins the transaction, so all of it is stored or none of it. Do not keep the view.
     */
    public <R> R inTransaction(java.util.function.Function<Database, R> work) {
        return sql.transaction(bound -> work.apply(new Database(bound, List.of(), null, null, null)));
    }

    /** As {@link #inTransaction}, for work without a result. */
    public void useTransaction(java.util.function.Consumer<Database> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    public Dialect dialect() {
        return sql.dialect();
    }

    /**
     * The connections for libraries that bring their own SQL (the job scheduler, the shared rate limits): the pool on
     * PostgreSQL, a writing connection of their own on SQLite.
     */
    public DataSource librarySource() {
        return librarySource;
    }

    /** For DAOs added elsewhere in this package. */
    Sql sql() {
        return sql;
    }

    public ContestantDao contestants() {
        return contestants;
    }

    public SampleDao samples() {
        return samples;
    }

    public EvaluationDao evaluations() {
        return evaluations;
    }

    public RoundDao rounds() {
        return rounds;
    }

    public VoteDao votes() {
        return votes;
    }

    public BattleDao battles() {
        return battles;
    }

    public SnapshotDao snapshots() {
        return snapshots;
    }

    public JobDao jobs() {
        return jobs;
    }

    public BenchDao bench() {
        return bench;
    }

    public SettingDao settings() {
        return settings;
    }

    /** What the judge report card reads, and people's labels on pair samples. */
    public ReportDao reports() {
        return reports;
    }

    @Override
    public void close() {
        // let queued writes finish before the connections go
        if (queue != null) queue.close();
        if (threads != null) threads.close();
        pools.forEach(HikariDataSource::close);
    }
}
