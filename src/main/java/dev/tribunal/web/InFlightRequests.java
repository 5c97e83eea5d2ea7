package dev.tribunal.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost Jetty handler: knows which connections are in the middle of a request, so that a graceful stop
 * can give exactly those the whole grace.
 *
 * <p>Why: when Jetty shuts its connectors down it cuts every connection's idle timeout to the connector's
 * shutdown idle timeout (1 s) — the right thing for a kept-alive connection with nothing to do, but it also cuts a
 * request whose body is still on its way or whose client reads a long export slowly, after 1 s without a byte.
 * {@link #extendInFlight} sets those connections back to the grace once the connectors are shut down; a request
 * that begins or ends during the stop sets its own connection's timeout (grace while it runs, then
 * {@link #IDLE_AFTER_STOP} so the connection closes soon after its answer).
 */
final class InFlightRequests extends Handler.Wrapper {

    /** How long a connection with no request may stay idle once the stop has begun (Jetty's own default). */
    static final Duration IDLE_AFTER_STOP = Duration.ofSeconds(1);

    private final Map<EndPoint, Integer> inFlight = new ConcurrentHashMap<>();
    private volatile Duration grace;   // null until the stop begins

    /** From now on every request in flight may take up to {@code grace} between two bytes. */
    void stopping(Duration grace) {
        this.grace = grace;
    }

    /** Gives the connections in the middle of a request the whole grace again (after the connectors cut it). */
    void extendInFlight() {
        Duration g = grace;
        if (g != null) inFlight.keySet().forEach(endPoint -> endPoint.setIdleTimeout(g.toMillis()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        inFlight.merge(endPoint, 1, Integer::sum);
        Duration g = grace;
        if (g != null) endPoint.setIdleTimeout(g.toMillis());
        Callback done = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                finished(endPoint);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                finished(endPoint);
                super.failed(x);
            }
        };
        try {
            boolean handled = super.handle(request, response, done);
            if (!handled) finished(endPoint);
            return handled;
        } catch (Throwable t) {
            finished(endPoint);
            throw t;
        }
    }

    private void finished(EndPoint endPoint) {
        inFlight.computeIfPresent(endPoint, (e, n) -> n == 1 ? null : n - 1);
        if (grace != null && !inFlight.containsKey(endPoint)) endPoint.setIdleTimeout(IDLE_AFTER_STOP.toMillis());
    }
}
