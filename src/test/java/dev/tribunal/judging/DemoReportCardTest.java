package dev.tribunal.judging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import dev.tribunal.store.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report card on the bundled demo (PRD Vicuna-80): five reviewers, both orders of every pair, the people's
 * votes. The per-position counts are the raw files' score counts (1 = first, 2 = second, 3 = tie), counted by a
 * separate script over {@code ratings-<reviewer>/*.jsonl}: bard 1,253 / 290 / 57, claude 532 / 937 / 131.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReportCardTest {

    /** The database the demo is loaded into (PostgreSQL in {@link DemoReportCardPostgresTest}). */
    TestDatabase testDatabase() {
        return TestDatabase.sqlite(dir.resolve("demo.db"));
    }

    @TempDir
    static Path dir;

    private TestDatabase where;
    private Database db;
    private Map<String, JudgeReportCard> cards;

    @BeforeAll
    void load() {
        where = testDatabase();
        db = where.open();
        new DemoLoader(db).load(Path.of("data/demo"));
        cards = new ReportCards(db).all().stream().collect(Collectors.toMap(JudgeReportCard::name, Function.identity()));
    }

    @AfterAll
    void close() {
        db.close();
        where.close();
    }

    @Test
    void perPositionCountsAreTheRawFiles() {
        assertThat(cards.keySet()).containsExactlyInAnyOrder("bard", "claude", "gpt35", "gpt4", "vicuna-13b");
        assertThat(cards.get("bard").verdictsByPosition()).isEqualTo(new JudgeReportCard.PositionCounts(1_253, 290, 57));
        assertThat(cards.get("claude").verdictsByPosition()).isEqualTo(new JudgeReportCard.PositionCounts(532, 937, 131));
        assertThat(cards.get("bard").verdicts()).isEqualTo(1_600);
    }

    @Test
    void bardAndClaudeAreFlaggedPositionBiasedAndGpt4sPreferenceHasAnInterval() {
        JudgeReportCard bard = cards.get("bard");
        assertThat(bard.flags()).contains(ReportCards.POSITION_BIASED);
        assertThat(bard.firstPosition().count()).isEqualTo(1_253);
        assertThat(bard.firstPosition().of()).isEqualTo(1_253 + 290);
        assertThat(bard.firstPosition().lower()).isGreaterThan(0.5);
        JudgeReportCard claude = cards.get("claude");
        assertThat(claude.flags()).contains(ReportCards.POSITION_BIASED);
        assertThat(claude.firstPosition().upper()).isLessThan(0.5);
        JudgeReportCard.Share gpt4 = cards.get("gpt4").firstPosition();
        assertThat(gpt4.count()).isEqualTo(848);
        assertThat(gpt4.of()).isEqualTo(848 + 512);
        assertThat(gpt4.lower()).isLessThan(gpt4.share()).isGreaterThan(0);
        assertThat(gpt4.upper()).isGreaterThan(gpt4.share()).isLessThan(1);
        // every pair was reviewed in both orders: 800 pairs per reviewer
        assertThat(bard.positionConsistency().of()).isEqualTo(800);
    }

    @Test
    void agreementWithPeopleUsesTheirVotesOnTheSamePairs() {
        assertThat(db.reports().labelCount()).isEqualTo(1_760);
        for (JudgeReportCard card : cards.values()) {
            JudgeReportCard.PeopleAgreement people = card.agreementWithPeople();
            assertThat(people.pairs()).as(card.name()).isEqualTo(1_600);
            assertThat(people.accuracy().share()).isBetween(0.0, 1.0);
            assertThat(people.kappa().kappa()).isNotNull();
            assertThat(people.boards().models()).isEqualTo(5);
            assertThat(people.boards().spearmanLower()).isLessThanOrEqualTo(people.boards().spearman());
            assertThat(card.lengthPreference().referenceKind()).isEqualTo("people");
            assertThat(card.selfPreference().models()).containsExactly(card.name());
            assertThat(card.arena()).isNull(); // no leaderboard has been computed in this test
        }
    }
}
