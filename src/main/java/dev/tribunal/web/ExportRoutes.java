package dev.tribunal.web;

import dev.tribunal.export.CollectiveVoteExport;
import dev.tribunal.export.ExportFormat;
import dev.tribunal.export.VoteExport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code GET /api/export/votes?format=jsonl|csv}: every vote, anonymised, streamed from the store's cursor
 * straight into the response (nothing is collected first); {@code GET /api/export/collective-votes}: every
 * collective vote (models rating questions and answers) the same way. At most {@link QueryLimits#exports()} stream at once:
 * an export holds a connection for as long as its client reads, so a flood of them must not take them all.
 */
public final class ExportRoutes implements RouteGroup {

    private final VoteExport export;
    private final CollectiveVoteExport collective;
    private final ConcurrencyCap exports;

    public ExportRoutes(VoteExport export, CollectiveVoteExport collective, QueryLimits limits) {
        this.export = export;
        this.collective = collective;
        this.exports = new ConcurrencyCap("exports", limits.exports(), QueryLimits.WAIT);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/export/votes", ctx -> exports.run(() -> votes(ctx, "votes", export::write)));
        routes.get("/api/export/collective-votes", ctx -> exports.run(() -> votes(ctx, "collective-votes",
                collective::write)));
    }

    /** Writes an export in a format to a stream, returning how many rows. */
    @FunctionalInterface
    private interface Writer {
        long write(ExportFormat format, java.io.OutputStream out) throws IOException;
    }

    private void votes(Context ctx, String name, Writer export) {
        ExportFormat format;
        try {
            format = ExportFormat.parse(ctx.queryParam("format") == null ? "jsonl" : ctx.queryParam("format"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter 'format' must be jsonl or csv, not '"
                    + Problem.excerpt(ctx.queryParam("format")) + "'.");
        }
        ctx.contentType(format.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"tribunal-" + name + "-"
                        + LocalDate.now(ZoneOffset.UTC) + "." + format.extension() + "\"")
                .header("Cache-Control", "no-store");
        try {
            export.write(format, ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
