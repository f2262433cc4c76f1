package io.petrel.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.mqtt.listener.ListenerType;
import io.petrel.mqtt.transport.tls.TlsConfig;
import io.petrel.testkit.EmbeddedPetrel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each way in costs: TLS handshakes per second with the JDK's TLS and with OpenSSL (BoringSSL through
 * netty-tcnative), and the cost per message of a publish-to-subscribe stream over TCP, TLS, WS and WSS, all in
 * one run. Not part of the test suite (its name does not end in IT); run it as docs/benchmarks.md says.
 * Clients and server share this JVM and the machine's cores, so CPU per message covers both ends.
 */
class ListenerBenchmark {
    private static final int HANDSHAKES = Integer.getInteger("bench.handshakes", 400);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int PAYLOAD = 64;
    /**
     * Messages per write. At most two batches are unreceived at any time, well inside the session queue's bound, so
     * no QoS 0 message is dropped and every run delivers the same work.
     */
    private static final int BATCH = 250;
    private static final String TOPIC = "bench/stream";

    @TempDir
    Path dataDir;

    @Test
    void measure() throws Exception {
        List<ListenerConfig> listeners = List.of(
                ListenerConfig.tcp("tcp", EmbeddedPetrel.HOST, 0),
                ListenerConfig.of("tls-jdk", ListenerType.TLS, EmbeddedPetrel.HOST, 0,
                        TlsConfig.development().withProvider(TlsConfig.Provider.JDK)),
                ListenerConfig.of("tls-openssl", ListenerType.TLS, EmbeddedPetrel.HOST, 0,
                        TlsConfig.development().withProvider(TlsConfig.Provider.OPENSSL)),
                ListenerConfig.of("ws", ListenerType.WS, EmbeddedPetrel.HOST, 0, null),
                ListenerConfig.of("wss-jdk", ListenerType.WSS, EmbeddedPetrel.HOST, 0,
                        TlsConfig.development().withProvider(TlsConfig.Provider.JDK)),
                ListenerConfig.of("wss-openssl", ListenerType.WSS, EmbeddedPetrel.HOST, 0,
                        TlsConfig.development().withProvider(TlsConfig.Provider.OPENSSL)));
        StringBuilder report = new StringBuilder();
        try (EmbeddedPetrel petrel = EmbeddedPetrel.withConfig(c -> c.withListeners(listeners).withDataDir(dataDir))) {
            TrustManagerFactory trust = trust(petrel.server().developmentCertificates().caCertificate());
            List<String> tls = List.of("tls-jdk", "tls-openssl");
            List<String> streams = List.of("tcp", "tls-jdk", "tls-openssl", "ws", "wss-jdk", "wss-openssl");
            // Warm every path up first, then interleave the rounds, so that neither JIT compilation nor a change
            // in the machine's load during the run favours whichever listener comes first.
            for (String name : tls) {
                handshakes(petrel.port(name), trust, HANDSHAKES / 2);
            }
            for (String name : streams) {
                stream(petrel, name, trust, MESSAGES / 2);
            }
            Map<String, List<double[]>> handshakeRuns = new LinkedHashMap<>();
            Map<String, List<double[]>> streamRuns = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String name : tls) {
                    handshakeRuns.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(handshakes(petrel.port(name), trust, HANDSHAKES));
                }
                for (String name : streams) {
                    streamRuns.computeIfAbsent(name, n -> new ArrayList<>()).add(stream(petrel, name, trust, MESSAGES));
                }
            }
            report.append("handshakes: ").append(HANDSHAKES).append(" full TLS handshakes + MQTT CONNECT per run, "
                    + "median of ").append(ROUNDS).append(" runs\n\n| Listener | Handshakes/s | CPU ms per handshake |\n"
                    + "|---|---|---|\n");
            handshakeRuns.forEach((name, runs) -> {
                double[] median = median(runs);
                report.append(String.format("| %s | %.0f | %.2f |%n", name, median[0], median[1]));
            });
            report.append("\nstream: ").append(MESSAGES).append(" QoS 0 PUBLISH of ").append(PAYLOAD)
                    .append(" bytes, one publisher to one subscriber on the same listener, median of ").append(ROUNDS)
                    .append(" runs\n\n| Listener | Messages/s | CPU µs per message | Relative to TCP |\n"
                            + "|---|---|---|---|\n");
            double tcpCost = median(streamRuns.get("tcp"))[1];
            streamRuns.forEach((name, runs) -> {
                double[] median = median(runs);
                report.append(String.format("| %s | %.0f | %.2f | %.2f× |%n", name, median[0], median[1],
                        median[1] / tcpCost));
            });
        }
        System.out.println(report);
        Files.writeString(Path.of("target/listener-benchmark.md"), report.toString());
    }

    /** Returns {handshakes per second, CPU milliseconds per handshake}. */
    private static double[] handshakes(int port, TrustManagerFactory trust, int count) throws Exception {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            // A fresh context per connection: no session to resume, so every handshake is a full one.
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(EmbeddedPetrel.HOST, port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(connect("hs-" + i));
                byte[] connack = socket.getInputStream().readNBytes(4);
                assertThat(connack).hasSize(4);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {count / seconds, (cpuNanos() - cpu) / 1e6 / count};
    }

    /** Returns {messages per second, CPU microseconds per message}. */
    private static double[] stream(EmbeddedPetrel petrel, String listener, TrustManagerFactory trust, int count)
            throws Exception {
        ListenerType type = petrel.server().listener(listener).config().type();
        int port = petrel.port(listener);
        byte[] publish = publish();
        long expected = (long) count * publish.length;
        try (Link subscriber = Link.open(type, port, trust, "sub-" + listener);
                Link publisher = Link.open(type, port, trust, "pub-" + listener)) {
            subscriber.send(subscribe());
            subscriber.awaitBytes(5);
            subscriber.reset();
            byte[] batch = new byte[publish.length * BATCH];
            for (int i = 0; i < BATCH; i++) {
                System.arraycopy(publish, 0, batch, i * publish.length, publish.length);
            }
            long dropped = petrel.metrics().droppedTotal();
            long cpu = cpuNanos();
            long start = System.nanoTime();
            for (int sent = 0; sent < count; sent += BATCH) {
                subscriber.awaitBytes((long) Math.max(0, sent - BATCH) * publish.length);
                publisher.send(sent + BATCH <= count ? batch : Arrays.copyOf(batch, (count - sent) * publish.length));
            }
            subscriber.awaitBytes(expected);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(petrel.metrics().droppedTotal()).as("dropped").isEqualTo(dropped);
            return new double[] {count / seconds, (cpuNanos() - cpu) / 1e3 / count};
        }
    }

    private static double[] median(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a[1], b[1]));
        return sorted.get(sorted.size() / 2);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static TrustManagerFactory trust(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    static byte[] connect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x10);
        out.write(12 + id.length);
        out.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, (byte) id.length});
        out.writeBytes(id);
        return out.toByteArray();
    }

    private static byte[] subscribe() {
        byte[] topic = TOPIC.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x82);
        out.write(2 + 2 + topic.length + 1);
        out.writeBytes(new byte[] {0x00, 0x01, 0x00, (byte) topic.length});
        out.writeBytes(topic);
        out.write(0x00);
        return out.toByteArray();
    }

    private static byte[] publish() {
        byte[] topic = TOPIC.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(2 + topic.length + PAYLOAD);
        out.write(0);
        out.write(topic.length);
        out.writeBytes(topic);
        out.writeBytes(new byte[PAYLOAD]);
        return out.toByteArray();
    }

    /** A connected MQTT client below the libraries: a socket, or a JDK WebSocket. Counts the bytes it receives. */
    private abstract static class Link implements AutoCloseable {
        final AtomicLong received = new AtomicLong();

        static Link open(ListenerType type, int port, TrustManagerFactory trust, String clientId) throws Exception {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            Link link = type.webSocket() ? new WebSocketLink(type, port, tls) : new SocketLink(type, port, tls);
            link.send(connect(clientId));
            link.awaitBytes(4);
            link.reset();
            return link;
        }

        abstract void send(byte[] bytes) throws IOException;

        void reset() {
            received.set(0);
        }

        void awaitBytes(long count) throws InterruptedException {
            awaitBytes(() -> received.get() >= count);
        }

        void awaitBytes(BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            synchronized (received) {
                while (!done.getAsBoolean()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("received only " + received.get() + " bytes");
                    }
                    received.wait(100);
                }
            }
        }

        void add(int bytes) {
            synchronized (received) {
                received.addAndGet(bytes);
                received.notifyAll();
            }
        }
    }

    private static final class SocketLink extends Link {
        private final Socket socket;
        private final OutputStream out;

        SocketLink(ListenerType type, int port, SSLContext tls) throws IOException {
            socket = type.secure() ? tls.getSocketFactory().createSocket(EmbeddedPetrel.HOST, port)
                    : new Socket(EmbeddedPetrel.HOST, port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = socket.getInputStream()) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        add(n);
                    }
                } catch (IOException closed) {
                    // The link was closed.
                }
            }, "bench-reader");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final class WebSocketLink extends Link implements WebSocket.Listener {
        private final WebSocket socket;

        WebSocketLink(ListenerType type, int port, SSLContext tls) {
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            String scheme = type.secure() ? "wss" : "ws";
            socket = client.newWebSocketBuilder().subprotocols("mqtt")
                    .buildAsync(URI.create(scheme + "://" + EmbeddedPetrel.HOST + ":" + port + "/mqtt"), this).join();
        }

        @Override
        void send(byte[] bytes) {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            add(data.remaining());
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
