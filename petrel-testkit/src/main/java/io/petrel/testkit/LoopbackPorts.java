package io.petrel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for servers that cannot bind port 0 and say which port they got, such as Mosquitto and
 * nginx, or that must come back on the same port after a restart.
 *
 * <p>The ports come from 21000-21999, below the kernel's ephemeral range (32768 and up on Linux): a port
 * from that range may still be held in TIME_WAIT by one of the many client connections a test run makes,
 * which a server that binds without SO_REUSEADDR, as Mosquitto does, cannot take. Each JVM starts at its own
 * place in the range and never hands out a port twice, so that builds running side by side rarely meet. A
 * port is free when it is returned, not reserved: a caller starts its server again on new ports if the server
 * fails to bind.
 */
public final class LoopbackPorts {
    private static final int FIRST = 21_000;
    private static final int COUNT = 1_000;
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() % COUNT));

    private LoopbackPorts() {
    }

    /** Distinct ports on which nothing listened on {@link EmbeddedPetrel#HOST} a moment ago. */
    public static List<Integer> free(int count) {
        List<Integer> ports = new ArrayList<>(count);
        for (int tried = 0; tried < COUNT && ports.size() < count; tried++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            if (isFree(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new UncheckedIOException(new IOException("fewer than " + count + " free ports in " + FIRST + "-"
                    + (FIRST + COUNT - 1)));
        }
        return ports;
    }

    /** One port on which nothing listened on {@link EmbeddedPetrel#HOST} a moment ago. */
    public static int free() {
        return free(1).get(0);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // Without SO_REUSEADDR, as the servers that will bind it.
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(EmbeddedPetrel.HOST, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
