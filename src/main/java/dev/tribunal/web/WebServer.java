package dev.tribunal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin with the problem mapping, the static front end and the given route groups. */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final Duration idleTimeout;
    private final Javalin app;

    /**
     * How long a connection may go without a byte in either direction (Jetty's default): a request whose body
     * stalls this long is answered 408, an idle kept-alive connection is closed.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    public WebServer(WebSettings settings, ObjectMapper json, List<RouteGroup> groups) {
        this(settings, json, groups, IDLE_TIMEOUT);
    }

    /** As above, with another idle timeout (tests: a stalled body without waiting half a minute). */
    WebServer(WebSettings settings, ObjectMapper json, List<RouteGroup> groups, Duration idleTimeout) {
        this.settings = settings;
        this.idleTimeout = idleTimeout;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(json, false));
            // outermost, so that it sees every request (Javalin puts its own handlers inside this wrapper)
            config.jetty.modifyServer(server -> {
                server.setHandler(inFlight);
                server.setErrorHandler(new ProblemErrorHandler(json));   // Jetty's own 400/414/431/505 answers
            });
            new ProblemResponses(json).install(config);
            new StaticPages(settings.webDirectory()).install(config);
            groups.forEach(group -> group.register(config.routes));
        });
    }

    public WebServer start() {
        app.start(settings.host(), settings.port());
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) c.setIdleTimeout(idleTimeout.toMillis());
        }
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

    /**
     * Stops taking connections, gives the requests in flight up to {@code grace} to finish (however slowly their
     * client sends the body or reads the answer), closes the idle connections after {@link
     * InFlightRequests#IDLE_AFTER_STOP}, and returns as soon as every connection is closed.
     */
    public void stopGracefully(Duration grace) {
        Server server = app.jettyServer().server();
        long deadline = System.nanoTime() + grace.toNanos();
        inFlight.stopping(grace);
        // the connectors stop accepting and cut every open connection's idle timeout to 1 s...
        CompletableFuture<Void> drained = Graceful.shutdown(server);
        // ...which those in the middle of a request get back
        inFlight.extendInFlight();
        try {
            drained.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("requests still running after the {} s grace are cut", grace.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("graceful stop failed; stopping now", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what is left (nothing, unless the grace ran out) is closed now
        server.setStopTimeout(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        app.stop();
    }
}
