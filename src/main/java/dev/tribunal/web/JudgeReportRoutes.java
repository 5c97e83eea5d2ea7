package dev.tribunal.web;

import dev.tribunal.judging.JudgeReportCard;
import dev.tribunal.judging.ReportCards;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/judges/report} ({@code {"judges": [...], "computed_at"}}) and {@code GET /api/judges/{name}/report}
 * (one card): the judges' report cards. A card is aggregates only, so it names no critique the arena can still deal.
 * Computing the cards reads every verdict and bootstraps the boards, so the result is kept for {@code keep} and
 * computed by one request at a time.
 */
public final class JudgeReportRoutes implements RouteGroup {

    record Cards(Instant computedAt, List<JudgeReportCard> judges) {
    }

    private final ReportCards cards;
    private final Duration keep;
    private final Clock clock;
    private Cards latest;

    public JudgeReportRoutes(ReportCards cards, Duration keep, Clock clock) {
        this.cards = cards;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/judges/report", ctx -> ApiJson.respond(ctx, current()));
        routes.get("/api/judges/{name}/report", this::one);
    }

    private void one(Context ctx) {
        String name = ctx.pathParam("name");
        JudgeReportCard card = current().judges().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No judge named '" + Problem.excerpt(name)
                        + "' has verdicts on pairs of answers; GET /api/judges/report lists those that have."));
        ApiJson.respond(ctx, card);
    }

    private synchronized Cards current() {
        Instant now = clock.instant();
        if (latest == null || now.isAfter(latest.computedAt().plus(keep))) latest = new Cards(now, cards.all());
        return latest;
    }
}
