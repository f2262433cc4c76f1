package io.petrel.it.durable;

import io.petrel.engine.EngineConfig;
import io.petrel.engine.session.SessionConfig;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.server.PetrelServer;
import io.petrel.server.ServerConfig;
import io.petrel.server.http.HttpConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A durable Petrel server in a process of its own, for tests that kill it with {@code kill -9}. Arguments: the
 * data directory and the port, 0 for any free one; no HTTP server. Prints {@code ready} and the port once it
 * accepts clients, and runs until its input ends or it is killed.
 */
public final class CrashServerMain {
    private CrashServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig defaults = ServerConfig.defaults();
        // Room for every message of the test in one offline queue: none is dropped for a full queue.
        EngineConfig engine = new EngineConfig(new SessionConfig(100, 1_000_000, false, SessionConfig.NEVER_EXPIRE),
                defaults.engine().sysInterval(), defaults.engine().version());
        ServerConfig config = defaults.withDataDir(Path.of(args[0])).withEngine(engine)
                .withListeners(List.of(ListenerConfig.tcp("tcp", "127.0.0.1", Integer.parseInt(args[1]))))
                .withHttp(HttpConfig.disabled());
        PetrelServer server = PetrelServer.builder().config(config).start();
        System.out.println("ready " + server.mqttAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Runs until the test closes our input or kills us.
        }
        server.close();
    }
}
