package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Round;
import dev.tribunal.store.Sample;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before the vote nothing tells a browser which judge is which: every field and header of many rounds (new,
 * regenerated, reloaded) is checked against the judges' names, display names and organisations, the free
 * texts must be exactly the stored ones, field names and order are fixed, and sides are random.
 */
class AnonymityTest {

    private static final List<String> ROUND_FIELDS = List.of("round_id", "expires_at", "sample", "judges");
    private static final List<String> PAIR_SAMPLE_FIELDS =
            List.of("kind", "input", "response_a", "response_b", "reference", "category");
    private static final List<String> CRITIQUE_FIELDS = List.of("verdict", "score", "critique");

    @TempDir
    Path dir;

    @Test
    void noRoundSaysWhoTheJudgesAreBeforeTheVote() {
        try (RunningService service = RunningService.start(dir)) {
            Database db = service.db();
            Set<String> identities = identities(db);
            HttpSession browser = service.newBrowser();
            List<HttpResponse<String>> dealt = new ArrayList<>();
            List<HttpResponse<String>> reloaded = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                HttpResponse<String> created = browser.post("/api/rounds", null);
                String id = HttpSession.json(created).get("round_id").asText();
                dealt.add(created);
                dealt.add(browser.post("/api/rounds/" + id + "/regenerate", null));
                reloaded.add(browser.get("/api/rounds/" + id));
            }
            // checked once all are dealt: a dealt round reaches the store within a fraction of a second
            List<String> reloadedFields = new ArrayList<>(ROUND_FIELDS);
            reloadedFields.addAll(List.of("voted", "reveal"));
            for (HttpResponse<String> r : reloaded) checkAnonymous(r, identities, service, reloadedFields);
            Map<String, Set<String>> sidesOfJudge = new HashMap<>();
            Set<String> roundIds = new HashSet<>();
            for (HttpResponse<String> response : dealt) {
                JsonNode round = checkAnonymous(response, identities, service, ROUND_FIELDS);
                assertThat(roundIds.add(round.get("round_id").asText())).isTrue();
                Round stored = service.storedRound(round.get("round_id").asText());
                sidesOfJudge.computeIfAbsent(judgeOf(db, stored.evalAId()), k -> new HashSet<>()).add("A");
                sidesOfJudge.computeIfAbsent(judgeOf(db, stored.evalBId()), k -> new HashSet<>()).add("B");
            }
            // every judge was shown on both sides: the side is not a function of the judge
            assertThat(sidesOfJudge).hasSize(TemplateDatabase.JUDGES.size());
            sidesOfJudge.values().forEach(sides -> assertThat(sides).containsExactlyInAnyOrder("A", "B"));
        }
    }

    private static JsonNode checkAnonymous(HttpResponse<String> response, Set<String> identities, RunningService service,
                                           List<String> fields) {
        Database db = service.db();
        assertThat(response.statusCode()).isIn(200, 201);
        JsonNode round = HttpSession.json(response);
        String id = round.get("round_id").asText();
        response.headers().map().forEach((name, values) -> values.forEach(value -> assertNoIdentity(
                "header " + name, withoutRandomTokens(value, id), identities)));
        assertThat(names(round)).containsExactlyElementsOf(fields);
        if (round.has("reveal")) assertThat(round.get("reveal").isNull()).isTrue();
        assertThat(id).matches("[A-Za-z0-9_-]{24}");
        assertNoIdentity("expires_at", round.get("expires_at").asText(), identities);
        Round stored = service.storedRound(id);
        Sample sample = db.samples().byId(stored.sampleId()).orElseThrow();
        JsonNode s = round.get("sample");
        assertThat(names(s)).containsExactlyElementsOf(PAIR_SAMPLE_FIELDS);
        assertThat(s.get("kind").asText()).isEqualTo("pair");
        assertThat(s.get("input").asText()).isEqualTo(sample.input());
        assertThat(s.get("response_a").asText()).isEqualTo(sample.responseA());
        assertThat(s.get("response_b").asText()).isEqualTo(sample.responseB());
        assertThat(s.get("reference").isNull()).isEqualTo(sample.reference() == null);
        assertNoIdentity("category", s.get("category").asText(), identities);
        assertThat(names(round.get("judges"))).containsExactly("A", "B");
        checkCritique(round.at("/judges/A"), db.evaluations().byId(stored.evalAId()).orElseThrow(), identities);
        checkCritique(round.at("/judges/B"), db.evaluations().byId(stored.evalBId()).orElseThrow(), identities);
        return round;
    }

    /** The round id and the cookie's random id are random letters that may spell anything: leave them out. */
    private static String withoutRandomTokens(String headerValue, String roundId) {
        return headerValue.replace(roundId, "").replaceAll(VoterIdentity.COOKIE + "=[A-Za-z0-9_.-]+", "");
    }

    private static void checkCritique(JsonNode critique, Evaluation stored, Set<String> identities) {
        assertThat(names(critique)).containsExactlyElementsOf(CRITIQUE_FIELDS);
        assertThat(critique.get("verdict").asText()).isEqualTo(stored.verdict());
        assertThat(critique.get("score").isNull()).isTrue();
        // the critique is the judge's own text, with nothing added
        assertThat(critique.get("critique").asText()).isEqualTo(stored.critique());
        assertNoIdentity("verdict", critique.get("verdict").asText(), identities);
    }

    private static void assertNoIdentity(String where, String value, Set<String> identities) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String identity : identities) {
            if (lower.contains(identity)) throw new AssertionError(where + " mentions " + identity + ": " + value);
        }
    }

    private static Set<String> identities(Database db) {
        Set<String> identities = new HashSet<>();
        for (Contestant c : db.contestants().list(ContestantKind.JUDGE)) {
            identities.add(c.name().toLowerCase(Locale.ROOT));
            identities.add(c.displayName().toLowerCase(Locale.ROOT));
            if (c.organisation() != null) identities.add(c.organisation().toLowerCase(Locale.ROOT));
        }
        return identities;
    }

    private static String judgeOf(Database db, long evaluationId) {
        long judgeId = db.evaluations().byId(evaluationId).orElseThrow().judgeId();
        return db.contestants().byId(judgeId).orElseThrow().name();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
