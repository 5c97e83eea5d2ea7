package dev.tribunal.cli;

import dev.tribunal.arena.VoteRules;
import dev.tribunal.config.ClusterConfig;
import dev.tribunal.config.ConfigException;
import dev.tribunal.config.RatingConfig;
import dev.tribunal.config.TribunalConfig;
import dev.tribunal.rating.RatingOptions;
import dev.tribunal.llm.ClusterSlots;
import dev.tribunal.store.Database;
import dev.tribunal.store.Dialect;
import dev.tribunal.store.EndpointSlotDao;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.web.LiveSettings;
import dev.tribunal.web.QueryLimits;
import dev.tribunal.web.ServiceSettings;
import dev.tribunal.web.TribunalService;
import dev.tribunal.web.WebSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tribunal serve}: opens (and migrates) the database, loads the demo on first start, starts the web
 * server and the leaderboard job, prints the address, and runs until stopped (Ctrl-C or SIGTERM), then stops
 * taking requests, lets the job finish, and closes the database.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts Tribunal as a service: the judge arena, the leaderboards and the vote export.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigFile config;

    /** What {@code serve} runs, as one thing to stop. */
    public record Running(Database db, LlmGateway gateway, TribunalService service) implements AutoCloseable {
        /** Requests in flight get this long to finish when the process is asked to stop. */
        static final Duration GRACE = Duration.ofSeconds(10);

        @Override
        public void close() {
            try {
                service.close();
            } finally {
                closeAfterService();
            }
        }

        void stopGracefully() {
            try {
                service.stopGracefully(GRACE);
            } finally {
                closeAfterService();
            }
        }

        /** The live judges' calls end with the server that asked for them, then the database. */
        private void closeAfterService() {
            try {
                gateway.close();
            } finally {
                db.close();
            }
        }
    }

    @Override
    public Integer call() {
        Running running;
        try {
            running = start(config.load(System.getenv()), System.getenv(), System.out);
        } catch (ConfigException e) {
            System.err.println("tribunal serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Tribunal…");
            running.stopGracefully();
            stopped.countDown();
        }, "tribunal-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Opens the database, loads the demo if configured, and starts the service. */
    public static Running start(TribunalConfig config, Map<String, String> env, PrintStream out) {
        Database db = Database.open(config.database().connectionSettings(env), Clock.systemUTC());
        try {
            if (config.demo().load()) out.println(DemoData.load(db, config.demo().directory()));
            // one id for this start: the jobs, the endpoint slots and /api/health name the node by it
            ClusterConfig cluster = config.cluster().withNodeId(config.cluster().node());
            ClusterSlots slots = db.dialect() == Dialect.POSTGRESQL
                    ? new ClusterSlots(new EndpointSlotDao(db), cluster.nodeId()) : null;
            LlmGateway gateway = new LlmGateway(LlmConfig.parse(config.llm()), new LlmCallDao(db), env::get, slots);
            try {
                TribunalService service = TribunalService.start(db, settings(config, env, db), cluster,
                        Clock.systemUTC(), LiveSettings.of(gateway, config.arena(), config.collective()));
                out.println("Node " + cluster.nodeId() + " (role " + cluster.role().name().toLowerCase() + ", "
                        + db.dialect().name().toLowerCase() + ")");
                // the address last, on a line of its own: what a newcomer looks for
                out.println(liveJudges(gateway.config()));
                out.println("Tribunal is running at " + service.address() + "  (Ctrl-C stops it)");
                return new Running(db, gateway, service);
            } catch (RuntimeException e) {
                gateway.close();
                throw e;
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static String liveJudges(LlmConfig llm) {
        int n = llm.judges().size();
        return n >= 2 ? "Live judges: " + llm.judges().stream().map(j -> j.name()).toList()
                : "No live judges (llm.judges has " + n + "; two are needed to judge submitted samples)";
    }

    static ServiceSettings settings(TribunalConfig config, Map<String, String> env, Database db) {
        var arena = config.arena();
        var secrets = config.secrets();
        var server = config.server();
        byte[] voterSecret = secrets.voterSecret(env, db.settings(), secrets.voterKeyFile(config.database()));
        return new ServiceSettings(
                new WebSettings(server.host(), server.port(), arena.maxBodyBytes(), Path.of("web"), false,
                        server.trustedProxyHeader(), server.trustedProxies()),
                arena.roundTtl(), arena.roundsPerMinute(), arena.votesPerMinute(), arena.votesPerDay(),
                config.leaderboard().refreshInterval(), ratingOptions(config.rating()),
                ServiceSettings.PRELIMINARY_BELOW, secrets.adminTokenEnv(), secrets.adminToken(env).orElse(null),
                voterSecret, Main.version(), arena.samplesPerHour(), arena.perAddress(),
                new VoteRules(Duration.ofMillis(Math.round(arena.minSecondsToVote() * 1000)), arena.countedVotesPerDay(),
                        arena.anomalyMinVotes(), arena.anomalyP(), arena.blindVotesOnly()),
                new QueryLimits(config.server().queryBudget(), config.server().maxConcurrentSearches(),
                        config.server().maxConcurrentExports()),
                config.leaderboard().arenaRefreshInterval());
    }

    static RatingOptions ratingOptions(RatingConfig r) {
        return RatingOptions.defaults().withMethod(r.method()).withRounds(r.bootstrapRounds()).withSeed(r.seed())
                .withEloK(r.eloK()).withAnchor(r.anchor(), r.anchorRating()).withStyleControl(r.styleControl());
    }
}
