package dev.tribunal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The HTTP server: Javalin with the problem mapping, the static front end and the given route groups. */
public final class WebServer implements AutoCloseable {

    private final WebSettings settings;
    private final Javalin app;

    public WebServer(WebSettings settings, ObjectMapper json, List<RouteGroup> groups) {
        this.settings = settings;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(json, false));
            new ProblemResponses(json).install(config);
            new StaticPages(settings.webDirectory()).install(config);
            groups.forEach(group -> group.register(config.routes));
        });
    }

    public WebServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    public URI address() {
        String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops at once, closing open connections (tests; a process that is going away anyway). */
    @Override
    public void close() {
        app.stop();
    }

    /** Stops taking connections, then gives the requests in flight up to {@code grace} to finish. */
    public void stopGracefully(Duration grace) {
        app.jettyServer().server().setStopTimeout(grace.toMillis());
        app.stop();
    }
}
