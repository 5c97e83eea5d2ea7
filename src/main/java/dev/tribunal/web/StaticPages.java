package dev.tribunal.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The front end: files of {@code web/} in the working directory when it exists (edit and reload), else the copy
 * packaged in the jar under {@code /web}; the pages at their short paths; front-end libraries at {@code /webjars/…}.
 */
public final class StaticPages {

    static final Map<String, String> PAGES = Map.of(
            "/", "index.html",
            "/leaderboard", "leaderboard.html",
            "/battles", "battles.html",
            "/runs", "runs.html",
            "/how-it-works", "how-it-works.html");

    private final Path directory;

    public StaticPages(Path directory) {
        this.directory = directory;
    }

    public void install(JavalinConfig config) {
        if (Files.isDirectory(directory)) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = directory.toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
            });
        } else if (StaticPages.class.getResource("/web") != null) {
            config.staticFiles.add("/web", Location.CLASSPATH);
        }
        config.staticFiles.enableWebjars();
        PAGES.forEach((path, file) -> config.routes.get(path, ctx -> page(ctx, file)));
        // one page for every judge's report card: the script reads the name from the path
        config.routes.get("/judges/{name}", ctx -> page(ctx, "judge.html"));
    }

    private void page(Context ctx, String file) {
        InputStream in = open(file);
        if (in == null) throw ProblemException.notFound("The page " + file + " is not installed (no web/" + file + ").");
        ctx.contentType("text/html; charset=utf-8").result(in);
    }

    private InputStream open(String file) {
        try {
            // the directory when it exists (as for the other files), not a mix of it and the jar's copy
            if (!Files.isDirectory(directory)) return StaticPages.class.getResourceAsStream("/web/" + file);
            Path onDisk = directory.resolve(file);
            return Files.isRegularFile(onDisk) ? Files.newInputStream(onDisk) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
