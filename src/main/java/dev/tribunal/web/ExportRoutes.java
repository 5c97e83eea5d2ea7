package dev.tribunal.web;

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
 * straight into the response (nothing is collected first).
 */
public final class ExportRoutes implements RouteGroup {

    private final VoteExport export;

    public ExportRoutes(VoteExport export) {
        this.export = export;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/export/votes", this::votes);
    }

    private void votes(Context ctx) {
        ExportFormat format;
        try {
            format = ExportFormat.parse(ctx.queryParam("format") == null ? "jsonl" : ctx.queryParam("format"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter 'format' must be jsonl or csv, not '"
                    + Problem.excerpt(ctx.queryParam("format")) + "'.");
        }
        ctx.contentType(format.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"tribunal-votes-"
                        + LocalDate.now(ZoneOffset.UTC) + "." + format.extension() + "\"")
                .header("Cache-Control", "no-store");
        try {
            export.write(format, ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
