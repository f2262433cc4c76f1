package io.petrel.server.http;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin on Jetty, carrying the routes every feature adds. */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;
    private final InetSocketAddress address;

    private HttpServer(Javalin app, InetSocketAddress address) {
        this.app = app;
        this.address = address;
    }

    /**
     * Starts the server with the given routes.
     *
     * @throws IOException if its address cannot be bound; the message says why, such as the port being in use
     */
    public static HttpServer start(HttpConfig config, List<HttpRoutes> routes) throws IOException {
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            for (HttpRoutes feature : routes) {
                feature.addTo(javalin.routes);
            }
        });
        try {
            app.start(config.host(), config.port());
        } catch (JavalinBindException e) {
            // Javalin has stopped Jetty already; its own message guesses, the innermost cause says.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IOException(cause.getMessage(), e);
        }
        InetSocketAddress address = new InetSocketAddress(config.host(), app.port());
        LOG.info("HTTP on {} (/health, /metrics, REST API under /api/v1)", address);
        return new HttpServer(app, address);
    }

    /** What the server serves, as {@code "GET /path"} lines in the order the routes were added. */
    public List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint.method.name() + " " + handler.endpoint.path)
                .toList();
    }

    /** The bound address; its port is the real one when the configuration asked for 0. */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        app.stop();
    }
}
