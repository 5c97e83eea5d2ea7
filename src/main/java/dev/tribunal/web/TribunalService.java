package dev.tribunal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.arena.AnomalousVoters;
import dev.tribunal.arena.ArenaCatalog;
import dev.tribunal.arena.JudgeArena;
import dev.tribunal.arena.LiveEvaluations;
import dev.tribunal.arena.LiveJudges;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.export.StoredVotes;
import dev.tribunal.export.VoteExport;
import dev.tribunal.jobs.LeaderboardRefresh;
import dev.tribunal.jobs.SampleGenerator;
import dev.tribunal.judging.Judge;
import dev.tribunal.llm.GeneratorConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.jobs.RefreshScheduler;
import dev.tribunal.store.BrowseDao;
import dev.tribunal.store.Database;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The running service, wired by hand: the arena on the store's evaluations, the leaderboard scheduler, the
 * export, and the web server in front of them. The caller owns the database and closes it after this.
 */
public final class TribunalService implements AutoCloseable {

    private final WebServer web;
    private final RefreshScheduler scheduler;
    private final StoredRounds rounds;
    private final SampleGenerator generator;

    private TribunalService(WebServer web, RefreshScheduler scheduler, StoredRounds rounds, SampleGenerator generator) {
        this.web = web;
        this.scheduler = scheduler;
        this.rounds = rounds;
        this.generator = generator;
    }

    /**
     * Starts the service, with live LLM judges when {@code liveSettings} has a gateway: they are stored as judges
     * (idempotent), judge submitted samples and take part in rounds. The caller owns their gateway and closes it
     * after this.
     */
    public static TribunalService start(Database db, ServiceSettings settings, Clock clock, LiveSettings liveSettings) {
        ObjectMapper json = ApiJson.mapper();
        ArenaCatalog catalog = new ArenaCatalog(db, clock, Duration.ofMinutes(1));
        StoredRounds rounds = new StoredRounds(db, catalog);
        LlmGateway gateway = liveSettings.gateway();
        LiveJudges live = new LiveJudges(gateway == null ? null : new Judge(gateway), db, catalog);
        GeneratorConfig generatorConfig = gateway == null ? null : gateway.config().generator();
        SampleGenerator generator = generatorConfig == null || !live.available() ? null
                : new SampleGenerator(gateway, generatorConfig, live);
        JudgeArena arena = new JudgeArena(new LiveEvaluations(catalog, live, liveSettings.liveShare()), rounds,
                settings.roundLifetime(), settings.voteRules(), clock);
        RefreshScheduler scheduler = new RefreshScheduler(new LeaderboardRefresh(db, settings.rating(), clock,
                new AnomalousVoters(db, settings.voteRules())), db, settings.refreshEvery(), settings.arenaRefreshEvery(), clock);
        WebSettings web = settings.web();
        ArenaGate gate = new ArenaGate(new VoterIdentity(settings.voterSecret(), web.secureCookies()),
                new ClientAddress(web.trustedProxyHeader(), web.trustedProxies()), settings);
        List<RouteGroup> groups = List.of(
                new ArenaRoutes(arena, gate, web.maxBodyBytes()),
                new SampleRoutes(arena, live, gate, web.maxBodyBytes(), liveSettings),
                new GeneratorRoutes(generator, live, settings.web().maxBodyBytes()),
                new LeaderboardRoutes(db, json, settings.preliminaryBelow(), clock, scheduler::times),
                new ExportRoutes(new VoteExport(new StoredVotes(db)), settings.queryLimits()),
                new BrowseRoutes(new BrowseDao(db, settings.queryLimits().budget()), settings.queryLimits()),
                new AdminRoutes(scheduler, arena, db.votes(), settings.adminTokenVariable(), settings.adminToken(),
                        web.maxBodyBytes()),
                new HealthRoutes(db, settings.version(), clock));
        WebServer server = new WebServer(web, json, groups);
        server.start();
        scheduler.start();
        if (generator != null) generator.start();
        return new TribunalService(server, scheduler, rounds, generator);
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
        web.close();
        stopJobs();
    }

    /** Stops taking requests, lets those in flight finish (up to {@code grace}), then as {@link #close()}. */
    public void stopGracefully(Duration grace) {
        web.stopGracefully(grace);
        stopJobs();
    }

    private void stopJobs() {
        if (generator != null) generator.close();
        scheduler.close();
        rounds.close();
    }
}
