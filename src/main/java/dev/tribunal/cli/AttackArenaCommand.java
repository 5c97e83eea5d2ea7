package dev.tribunal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Round;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tribunal attack-arena}: a bounded hostile client against a running server, as {@code scripts/attack-arena}
 * runs it. Three attacks, each printing what it got:
 * <ol>
 *   <li><b>scrape and predict</b>: reads every public list (browse, export) for critique → judge pairs, then deals
 *   rounds and names each critique's judge before voting, from what it scraped; the reveal says how often it was
 *   right, against the chance of guessing among the judges;</li>
 *   <li><b>vote stuffing</b>: many parallel clients, each request without a cookie or with a made-up one (a fresh
 *   identity every time), deal rounds and vote for the judge the attacker wants up; it counts the votes the server
 *   accepted from this one address and, after a refresh, how many of them reached the arena board;</li>
 *   <li><b>browse flood</b>: concurrent slow searches over the battles browser while a probe times
 *   {@code /api/health}; it prints the probe's worst latency.</li>
 * </ol>
 * With {@code --seed-rounds N} it writes N unvoted rounds, after the first attack, into the configured database (as a busy arena
 * would have), so that the flood meets a large rounds table.
 */
@Command(name = "attack-arena", hidden = true, mixinStandardHelpOptions = true,
        description = "Attacks a running arena (scrape-and-predict, vote stuffing, browse flood) and prints what got through.")
public final class AttackArenaCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:7070/")
    URI url;

    @Option(names = "--seconds", defaultValue = "45",
            description = "Time for the whole attack (at most 60): a quarter scraping, a third stuffing, the rest flooding.")
    int seconds;

    @Option(names = "--threads", defaultValue = "32", description = "Parallel clients when stuffing and flooding.")
    int threads;

    @Option(names = "--seed-rounds", defaultValue = "0",
            description = "Unvoted rounds to write into the configured database first (needs --config).")
    int seedRounds;

    @Option(names = "--admin-token-env", defaultValue = "TRIBUNAL_ADMIN_TOKEN",
            description = "Environment variable with the admin token, to force a leaderboard refresh after stuffing.")
    String adminTokenEnv;

    @Mixin
    ConfigFile config;

    /** Made when the command runs: picocli makes every command at each start, and a client costs 0.2 s (TLS). */
    private HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /** Critique text → judge name, as far as the attacker has learned it. */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        seconds = Math.max(12, Math.min(60, seconds));
        long scrapeSeconds = seconds / 4;
        long stuffSeconds = seconds / 3;
        long floodSeconds = seconds - scrapeSeconds - stuffSeconds;

        System.out.println("== 1. scrape and predict (" + scrapeSeconds + " s)");
        scrapeAndPredict(Instant.now().plusSeconds(scrapeSeconds));
        if (seedRounds > 0) seed();
        System.out.println("== 2. vote stuffing with a fresh identity per request (" + stuffSeconds + " s, "
                + threads + " clients, one address)");
        stuff(Instant.now().plusSeconds(stuffSeconds));
        System.out.println("== 3. browse flood while probing /api/health (" + floodSeconds + " s, " + threads
                + " clients)");
        flood(Instant.now().plusSeconds(floodSeconds));
        return 0;
    }

    // ---- 1. scrape and predict -------------------------------------------------------------------------------

    private void scrapeAndPredict(Instant until) throws Exception {
        int scraped = scrapeBrowse(until) + scrapeExport();
        List<String> judges = new ArrayList<>();
        JsonNode facets = getJson("api/browse/facets");
        if (facets != null) facets.path("judges").forEach(j -> judges.add(j.path("name").asText()));
        System.out.printf("   public data: %d critique->judge pairs read (%d distinct critiques named), %d judges%n",
                scraped, known.size(), judges.size());
        // one browser's identity: issued by the server on its first request
        String cookie = null;
        int rounds = 0;
        int critiques = 0;
        int namedRight = 0;
        int predicted = 0;
        int learnedRight = 0;
        int learnedPredicted = 0;
        Map<String, String> learned = new HashMap<>();   // from this attacker's own earlier reveals
        Random guess = new Random(7);
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> dealt = post("api/rounds", cookie, "{}");
            if (dealt.statusCode() == 429) break;
            if (dealt.statusCode() != 201) {
                System.out.println("   round refused: " + dealt.statusCode() + " " + shorten(dealt.body()));
                break;
            }
            cookie = cookieFrom(dealt, cookie);
            JsonNode round = JSON.readTree(dealt.body());
            String critiqueA = round.path("judges").path("A").path("critique").asText(null);
            String critiqueB = round.path("judges").path("B").path("critique").asText(null);
            HttpResponse<String> voted = post("api/rounds/" + round.path("round_id").asText() + "/vote", cookie,
                    "{\"choice\":\"tie\"}");
            if (voted.statusCode() != 200) {
                if (voted.statusCode() != 429) System.out.println("   vote refused: " + voted.statusCode() + " " + shorten(voted.body()));
                break;
            }
            JsonNode reveal = JSON.readTree(voted.body());
            rounds++;
            String[] texts = {critiqueA, critiqueB};
            String[] truth = {reveal.path("judges").path("A").path("name").asText(),
                    reveal.path("judges").path("B").path("name").asText()};
            for (int side = 0; side < 2; side++) {
                critiques++;
                String fromPublic = texts[side] == null ? null : known.get(texts[side]);
                if (fromPublic != null) predicted++;
                String guessName = fromPublic != null ? fromPublic
                        : judges.isEmpty() ? "" : judges.get(guess.nextInt(judges.size()));
                if (guessName.equals(truth[side])) namedRight++;
                String fromReveals = texts[side] == null ? null : learned.get(texts[side]);
                if (fromReveals != null) {
                    learnedPredicted++;
                    if (fromReveals.equals(truth[side])) learnedRight++;
                }
                if (texts[side] != null) learned.put(texts[side], truth[side]);
            }
        }
        double chance = judges.isEmpty() ? 0 : 1.0 / judges.size();
        System.out.printf("   rounds dealt and voted: %d (%d critiques); critiques found in public data before the vote: %d%n",
                rounds, critiques, predicted);
        System.out.printf("   judges named right before the vote: %d of %d = %.1f %% (chance, guessing among %d judges: %.1f %%)%n",
                namedRight, critiques, pct(namedRight, critiques), judges.size(), 100 * chance);
        System.out.printf("   critiques met again after this voter's own reveal: %d (named right: %d)%n",
                learnedPredicted, learnedRight);
        known.putAll(learned);
    }

    /** Every browse page: critiques shown with a judge's name. */
    private int scrapeBrowse(Instant until) throws Exception {
        int pairs = 0;
        for (int page = 1; page <= 10_000 && Instant.now().isBefore(until); page++) {
            JsonNode body = getJson("api/samples?size=50&page=" + page);
            if (body == null || !body.path("items").isArray() || body.path("items").isEmpty()) break;
            for (JsonNode sample : body.path("items")) {
                for (JsonNode e : sample.path("evaluations")) {
                    String judge = e.path("judge").asText(null);
                    String critique = e.path("critique").asText(null);
                    if (judge != null && critique != null) {
                        known.put(critique, judge);
                        pairs++;
                    }
                }
            }
        }
        return pairs;
    }

    /** The public export: each vote's two judges with their critiques, where it gives them. */
    private int scrapeExport() throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(request("api/export/votes?format=jsonl").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        int pairs = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) return 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode vote = JSON.readTree(line);
                for (String side : List.of("judge_a", "judge_b")) {
                    String judge = vote.path(side).path("name").asText(null);
                    String critique = vote.path(side).path("critique").asText(null);
                    if (judge != null && critique != null) {
                        known.put(critique, judge);
                        pairs++;
                    }
                }
            }
        }
        return pairs;
    }

    // ---- 2. vote stuffing --------------------------------------------------------------------------------------

    private void stuff(Instant until) throws Exception {
        boolean refreshed = refresh();   // so that the board counts the votes cast so far
        JsonNode before = refreshed ? arenaBoard() : null;
        String target = lowestRated(before);
        long boardBefore = before == null ? 0 : before.path("battles").asLong();
        System.out.println("   target: " + (target == null ? "(no arena board yet: any judge the attacker can name)"
                : target + ", last on the arena board") + "; board votes before: " + boardBefore);
        AtomicLong dealt = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong forTarget = new AtomicLong();
        AtomicLong limited = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong maxRetryAfter = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                clients.add(pool.submit(() -> {
                    while (Instant.now().isBefore(until)) {
                        // a fresh identity every time: no cookie, or a made-up one
                        String forged = random.nextBoolean() ? null : "tribunal_voter=" + madeUpId();
                        HttpResponse<String> round = post("api/rounds", forged, "{}");
                        if (round.statusCode() != 201) {
                            count(round, limited, refused, maxRetryAfter);
                            pause(200);
                            continue;
                        }
                        dealt.incrementAndGet();
                        String cookie = cookieFrom(round, forged);
                        JsonNode r = JSON.readTree(round.body());
                        String choice = choiceFor(target, r);
                        pause(3_500);   // longer than a "too fast to have read it" rule would allow
                        HttpResponse<String> vote = post("api/rounds/" + r.path("round_id").asText() + "/vote",
                                cookie, "{\"choice\":\"" + choice + "\"}");
                        if (vote.statusCode() == 200) {
                            accepted.incrementAndGet();
                            if (!choice.equals("tie")) forTarget.incrementAndGet();
                        } else {
                            count(vote, limited, refused, maxRetryAfter);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> c : clients) c.get();
        }
        System.out.printf("   rounds dealt: %d; votes accepted from this one address: %d (%d for the target); "
                        + "429 answers: %d (largest Retry-After %d s); other refusals: %d%n",
                dealt.get(), accepted.get(), forTarget.get(), limited.get(), maxRetryAfter.get(), refused.get());
        if (!refreshed || !refresh()) {
            System.out.println("   (no admin token in $" + adminTokenEnv + ": cannot force a refresh, board not re-read)");
            return;
        }
        JsonNode after = arenaBoard();
        long boardAfter = after == null ? 0 : after.path("battles").asLong();
        long excluded = after == null ? 0 : after.path("excluded_votes").asLong(0);
        System.out.printf("   after a refresh: the arena board counts %d votes (before: %d), so %d of the %d votes "
                + "accepted under stuffing reached the leaderboard; flagged votes it leaves out, in all: %d%n",
                boardAfter, boardBefore, boardAfter - boardBefore, accepted.get(), excluded);
        if (target != null && after != null) {
            System.out.printf("   target %s: rating %s -> %s%n", target, rating(before, target), rating(after, target));
        }
    }

    /** The side whose critique the attacker believes the target wrote, else a tie (which moves nothing much). */
    private String choiceFor(String target, JsonNode round) {
        String a = known.get(round.path("judges").path("A").path("critique").asText(""));
        String b = known.get(round.path("judges").path("B").path("critique").asText(""));
        if (target != null) {
            if (target.equals(a)) return "A";
            if (target.equals(b)) return "B";
            return "tie";
        }
        return a != null ? "A" : b != null ? "B" : "tie";
    }

    private JsonNode arenaBoard() throws Exception {
        return getJson("api/leaderboards/judges?source=arena");
    }

    private static String lowestRated(JsonNode board) {
        if (board == null || board.path("rows").isEmpty()) return null;
        JsonNode rows = board.path("rows");
        return rows.get(rows.size() - 1).path("name").asText(null);
    }

    private static String rating(JsonNode board, String name) {
        if (board == null) return "-";
        for (JsonNode row : board.path("rows")) {
            if (name.equals(row.path("name").asText())) return String.format("%.0f", row.path("rating").asDouble());
        }
        return "-";
    }

    private boolean refresh() throws Exception {
        String token = System.getenv(adminTokenEnv);
        if (token == null || token.isBlank()) return false;
        HttpResponse<String> response = http.send(request("api/admin/refresh").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("   refresh refused: " + response.statusCode() + " " + shorten(response.body()));
            return false;
        }
        return true;
    }

    // ---- 3. browse flood ---------------------------------------------------------------------------------------

    private void flood(Instant until) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Long> probes = new ArrayList<>();
        AtomicLong probeFailures = new AtomicLong();
        String[] words = {"the", "a", "answer", "assistant", "e", "response", "helpful", "code"};
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int client = t;
                clients.add(pool.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        String path = (i++ + client) % 2 == 0
                                ? "api/samples?size=50&q=" + words[(i + client) % words.length]
                                : "api/samples?size=50&page=" + (1 + (i % 5));
                        int status;
                        try {
                            status = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        } catch (IOException e) {
                            status = -1;
                        }
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(500);   // let the flood build up first
            while (Instant.now().isBefore(until)) {
                long t0 = System.nanoTime();
                try {
                    int status = http.send(request("api/health").GET().build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status != 200) probeFailures.incrementAndGet();
                } catch (IOException e) {
                    probeFailures.incrementAndGet();
                }
                probes.add(System.nanoTime() - t0);
                Thread.sleep(100);
            }
            running.set(false);
            for (Future<?> c : clients) c.get();
        }
        long[] sorted = probes.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("   browse answers by status: " + new java.util.TreeMap<>(statuses));
        System.out.printf("   /api/health probes: %d (failed %d); latency p50 %.0f ms, p99 %.0f ms, worst %.0f ms "
                        + "(goal: worst < 1000 ms)%n", sorted.length, probeFailures.get(),
                BenchVotesCommand.percentile(sorted, 0.50), BenchVotesCommand.percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    // ---- seeding -----------------------------------------------------------------------------------------------

    /** Writes unvoted rounds over random pairs of evaluations of the arena's samples, as a busy arena would have. */
    private void seed() {
        Map<String, String> env = System.getenv();
        try (Database db = Database.open(config.load(env).database().connectionSettings(env), Clock.systemUTC())) {
            List<long[]> pairs = new ArrayList<>();
            for (long sampleId : db.samples().idsWithJudges(2)) {
                List<Evaluation> evaluations = db.evaluations().forSample(sampleId);
                for (int i = 0; i + 1 < evaluations.size(); i++) {
                    pairs.add(new long[] {sampleId, evaluations.get(i).id(), evaluations.get(i + 1).id()});
                }
            }
            if (pairs.isEmpty()) {
                System.out.println("seeding: no sample has two evaluations; nothing seeded");
                return;
            }
            Instant now = Instant.now();
            int written = 0;
            while (written < seedRounds) {
                int batch = Math.min(5_000, seedRounds - written);
                db.useTransaction(tx -> {
                    for (int i = 0; i < batch; i++) {
                        long[] p = pairs.get(random.nextInt(pairs.size()));
                        tx.rounds().insert(new Round(madeUpId(), p[0], p[1], p[2], "seed", now,
                                now.plus(Duration.ofMinutes(30))));
                    }
                });
                written += batch;
            }
            System.out.println("seeded " + written + " unvoted rounds");
        }
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url.resolve(path)).timeout(TIMEOUT);
    }

    private HttpResponse<String> post(String path, String cookie, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** The cookie the server set (name=value), else the one sent. */
    private static String cookieFrom(HttpResponse<?> response, String sent) {
        return response.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length()
                : c.indexOf(';'))).orElse(sent);
    }

    private static void count(HttpResponse<String> r, AtomicLong limited, AtomicLong refused, AtomicLong maxRetry) {
        if (r.statusCode() == 429) {
            limited.incrementAndGet();
            long retry = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
            maxRetry.accumulateAndGet(retry, Math::max);
        } else {
            refused.incrementAndGet();
        }
    }

    private String madeUpId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String shorten(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}
