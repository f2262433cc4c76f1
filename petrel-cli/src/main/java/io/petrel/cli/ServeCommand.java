package io.petrel.cli;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.server.PetrelServer;
import io.petrel.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petrel serve}: runs the server until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Petrel server.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--host", description = "Address the MQTT listener binds to (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = {"-p", "--port"}, description = "MQTT port (default: ${DEFAULT-VALUE}).")
    int port = 1883;

    @Option(names = "--data-dir", description = "Directory for Petrel's data (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        ServerConfig config = ServerConfig.defaults()
                .withListeners(List.of(new ListenerConfig("tcp", host, port)));
        PetrelServer server = PetrelServer.builder().config(config).start();
        if (host.equals("127.0.0.1") || host.equals("localhost")) {
            LOG.info("Listening on localhost only; anonymous clients are allowed");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "petrel-shutdown"));
        stopped.await();
        return 0;
    }
}
