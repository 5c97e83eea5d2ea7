package dev.tribunal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.arena.AnomalousVoters;
import dev.tribunal.arena.ArenaCatalog;
import dev.tribunal.arena.JudgeArena;
import dev.tribunal.arena.LiveEvaluations;
import dev.tribunal.arena.LiveJudges;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.config.ClusterConfig;
import dev.tribunal.export.CollectiveVoteExport;
import dev.tribunal.export.StoredVotes;
import dev.tribunal.export.VoteExport;
import dev.tribunal.bench.baseline.BaselineRun;
import dev.tribunal.bench.collective.CollectiveRun;
import dev.tribunal.imports.QuestionSets;
import dev.tribunal.jobs.BenchmarkJobs;
import dev.tribunal.jobs.JobScheduler;
import dev.tribunal.jobs.RunJoiner;
import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.store.BenchRun;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.jobs.SampleGenerator;
import dev.tribunal.judging.Judge;
import dev.tribunal.judging.ReportCards;
import dev.tribunal.llm.GeneratorConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.jobs.RefreshScheduler;
import dev.tribunal.store.BrowseDao;
import dev.tribunal.store.Database;
import dev.tribunal.store.Dialect;
import dev.tribunal.store.SharedBuckets;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The running service, wired by hand: the arena on the store's evaluations, the leaderboard scheduler, the
 * export, and the web server in front of them. The caller owns the database and closes it after this.
 */
public final class TribunalService implements AutoCloseable {

    /** How long the judges' report cards are served before they are computed again from the store. */
    static final Duration REPORT_CARDS_KEPT = Duration.ofMinutes(5);
    /** How often a job's event stream re-reads its progress, and how long one stream lasts at most. */
    static final Duration JOB_EVENTS_EVERY = Duration.ofMillis(500);
    static final Duration JOB_EVENTS_FOR = Duration.ofMinutes(10);
    private final WebServer web;
    private final RefreshScheduler scheduler;
    private final JobScheduler jobScheduler;
    private final RunJoiner joiner;
    private final StoredRounds rounds;
    private final SampleGenerator generator;
    private final BenchmarkJobs jobs;
    private final JobRoutes jobRoutes;

    private TribunalService(WebServer web, RefreshScheduler scheduler, JobScheduler jobScheduler, RunJoiner joiner,
                            StoredRounds rounds, SampleGenerator generator, BenchmarkJobs jobs, JobRoutes jobRoutes) {
        this.web = web;
        this.scheduler = scheduler;
        this.jobScheduler = jobScheduler;
        this.joiner = joiner;
        this.rounds = rounds;
        this.generator = generator;
        this.jobs = jobs;
        this.jobRoutes = jobRoutes;
    }

    /** As {@link #start(Database, ServiceSettings, ClusterConfig, Clock, LiveSettings)}, a node of its own. */
    public static TribunalService start(Database db, ServiceSettings settings, Clock clock, LiveSettings liveSettings) {
        return start(db, settings, ClusterConfig.defaults(), clock, liveSettings);
    }

    /**
     * Starts the service, with live LLM judges when {@code liveSettings} has a gateway: they are stored as judges
     * (idempotent), judge submitted samples and take part in rounds. The caller owns their gateway and closes it
     * after this. On PostgreSQL any number of nodes may run on one database ({@code cluster} says which node this is
     * and whether it runs jobs): one of them runs each scheduled job, and all of those that run jobs share the
     * benchmark runs.
     */
    public static TribunalService start(Database db, ServiceSettings settings, ClusterConfig cluster, Clock clock,
                                        LiveSettings liveSettings) {
        String node = cluster.node();
        ObjectMapper json = ApiJson.mapper();
        ArenaCatalog catalog = new ArenaCatalog(db, clock, Duration.ofMinutes(1));
        // alone on its store (SQLite, or PostgreSQL with cluster.single_node), the arena keeps its state in memory
        boolean alone = db.dialect() == Dialect.SQLITE || cluster.singleNode();
        StoredRounds rounds = new StoredRounds(db, catalog, alone);
        LlmGateway gateway = liveSettings.gateway();
        LiveJudges live = new LiveJudges(gateway == null ? null : new Judge(gateway), db, catalog);
        GeneratorConfig generatorConfig = gateway == null ? null : gateway.config().generator();
        SampleGenerator generator = generatorConfig == null || !live.available() ? null
                : new SampleGenerator(gateway, generatorConfig, live);
        JudgeArena arena = new JudgeArena(new LiveEvaluations(catalog, live, liveSettings.liveShare()), rounds,
                settings.roundLifetime(), settings.voteRules(), clock);
        RefreshScheduler scheduler = new RefreshScheduler(new LeaderboardRefresh(db, settings.rating(), clock,
                new AnomalousVoters(db, settings.voteRules())), db, settings.refreshEvery(), settings.arenaRefreshEvery(),
                clock, node);
        // shared, the per-voter limits hold across nodes: their buckets are in the store, and once an hour one
        // node forgets the voters whose buckets have refilled
        SharedBuckets buckets = alone ? null : new SharedBuckets(db);
        List<RecurringTask<?>> tasks = new java.util.ArrayList<>(scheduler.tasks());
        if (buckets != null) {
            tasks.add(Tasks.recurring("voter-buckets-cleanup", new JobScheduler.Every(Duration.ofHours(1)))
                    .execute((instance, context) -> buckets.removeExpired()));
        }
        JobScheduler jobScheduler = new JobScheduler(db, node, tasks,
                new JobScheduler.Timing(cluster.schedulerPoll(), cluster.heartbeat()));
        BenchmarkJobs jobs = gateway == null ? null : new BenchmarkJobs(new BaselineRun(db, gateway,
                new QuestionSets(db, liveSettings.dataDirectory()), cluster.benchLease(), clock),
                new CollectiveRun(db, gateway, cluster.benchLease(), clock));
        JobRoutes jobRoutes = new JobRoutes(db, jobs, gateway == null ? LlmConfig.empty() : gateway.config(),
                liveSettings.collective(), json, settings.web().maxBodyBytes(), JobRoutes.MAX_EVENT_STREAMS,
                JOB_EVENTS_EVERY, JOB_EVENTS_FOR);
        WebSettings web = settings.web();
        ArenaGate gate = new ArenaGate(new VoterIdentity(settings.voterSecret(), web.secureCookies()),
                new ClientAddress(web.trustedProxyHeader(), web.trustedProxies()), settings,
                buckets == null ? null : buckets.buckets());
        List<RouteGroup> groups = List.of(
                new ArenaRoutes(arena, gate, web.maxBodyBytes()),
                new SampleRoutes(arena, live, gate, web.maxBodyBytes(), liveSettings),
                new GeneratorRoutes(generator, live, settings.web().maxBodyBytes()),
                new LeaderboardRoutes(db, json, settings.preliminaryBelow(), clock, scheduler::times),
                new JudgeReportRoutes(new ReportCards(db), REPORT_CARDS_KEPT, clock),
                new ExportRoutes(new VoteExport(new StoredVotes(db)), new CollectiveVoteExport(db), settings.queryLimits()),
                new BrowseRoutes(new BrowseDao(db, settings.queryLimits().budget()), settings.queryLimits()),
                new AdminRoutes(scheduler, arena, db.votes(), settings.adminTokenVariable(), settings.adminToken(),
                        web.maxBodyBytes()),
                jobRoutes,
                new HealthRoutes(db, settings.version(), clock, new HealthRoutes.Node(node, cluster.role(),
                        () -> held(jobScheduler, jobs, cluster))));
        WebServer server = new WebServer(web, json, groups);
        server.start();
        RunJoiner joiner = null;
        if (cluster.role().runsJobs()) {
            jobScheduler.start();
            scheduler.start(jobScheduler);
            // runs left running by a process that stopped are resumed (what is done stays done), and runs started on
            // other nodes are joined
            if (jobs != null) {
                BenchRunDao runs = new BenchRunDao(db);
                jobs.resumeLeftRunning(runs.runsIn(BenchRun.RUNNING));
                joiner = new RunJoiner(cluster.benchJoinEvery(), List.of(() -> jobs.joinRunning(runs.runsIn(BenchRun.RUNNING))));
            }
        }
        if (generator != null) generator.start();
        return new TribunalService(server, scheduler, jobScheduler, joiner, rounds, generator, jobs, jobRoutes);
    }

    /** The jobs this node is running: scheduled ones as "task/instance", benchmark runs as "benchmark-run/id". */
    private static List<String> held(JobScheduler scheduler, BenchmarkJobs jobs, ClusterConfig cluster) {
        if (!cluster.role().runsJobs()) return List.of();
        List<String> held = new java.util.ArrayList<>(scheduler.held());
        if (jobs != null) jobs.executing().forEach(id -> held.add("benchmark-run/" + id));
        return held;
    }

    public URI address() {
        return web.address();
    }

    public int port() {
        return web.port();
    }

    public RefreshScheduler scheduler() {
        return scheduler;
    }

    /** Stops at once: the web server, then the scheduler (a running refresh finishes first); writes dealt rounds. */
    @Override
    public void close() {
        halt();
        web.close();
        stopJobs();
    }

    /** Stops taking requests, lets those in flight finish (up to {@code grace}), then as {@link #close()}. */
    public void stopGracefully(Duration grace) {
        halt();
        web.stopGracefully(grace);
        stopJobs();
    }

    /**
     * Event streams end within one poll (rather than holding a graceful stop for its whole grace), and benchmark runs
     * claim no more units: they stay running in the database and resume on the next start.
     */
    private void halt() {
        jobRoutes.close();
        if (jobs != null) jobs.halt();
    }

    /** The benchmark jobs of this process, or null without an LLM gateway. */
    public BenchmarkJobs jobs() {
        return jobs;
    }

    private void stopJobs() {
        if (joiner != null) joiner.close();
        // the units in flight finish (the database is still open)
        if (jobs != null) jobs.close();
        if (generator != null) generator.close();
        jobScheduler.close();
        scheduler.close();
        rounds.close();
    }
}
