package io.petrel.it.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.petrel.api.Principal;
import io.petrel.api.store.platform.Device;
import io.petrel.api.store.platform.KvValue;
import io.petrel.api.store.platform.TsEntry;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.platform.DevicePlatform;
import io.petrel.platform.PlatformStores;
import io.petrel.platform.registry.NewDevice;
import io.petrel.testkit.EmbeddedPetrel;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Telemetry ingest through the device API: N simulated devices, each an MQTT 5 client logged in with its access
 * token, publish M telemetry messages a second of K data points each to {@code v1/devices/me/telemetry} at QoS 1,
 * on a fixed schedule whatever the server's pace (an open loop: a slow server shows as latency, not as a lower
 * offered rate). The platform sends each PUBACK only once the message's points are committed to the telemetry
 * store, so publish-to-PUBACK time is the latency to storage. It is measured from when each message was due,
 * not from when the client got round to sending it, so that a stalled client cannot hide a stalled server.
 *
 * <p>Zero loss is checked three ways: every publish is acknowledged with success, the store received exactly
 * the acknowledged points, and each device's latest {@code seq} is the last one it sent. The store is chosen
 * with {@code store=}; clients and server share this JVM and machine. Not a test: run it with
 * scripts/bench-ingest.sh.
 *
 * <p>Arguments, as {@code key=value}: {@code devices} (100), {@code rate} messages per second per device (50),
 * {@code keys} data points per message (10), {@code seconds} measured (30), {@code warmup} seconds (10),
 * {@code store}: memory (the default), sqlite or postgresql.
 */
public final class TelemetryIngestBench {
    private TelemetryIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int devices = Integer.parseInt(options.getOrDefault("devices", "100"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int keys = Integer.parseInt(options.getOrDefault("keys", "10"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String store = options.getOrDefault("store", "memory");

        IngestStores.Opened opened = IngestStores.open(store);
        PlatformStores base = opened.stores();
        CountingTelemetryStore telemetry = new CountingTelemetryStore(base.telemetry());
        PlatformStores stores = new PlatformStores(base.registry(), base.attributes(), telemetry);
        // Closed after the server, whose shutdown stores the telemetry still queued.
        AutoCloseable database = opened.closer();
        try (database; EmbeddedPetrel petrel = EmbeddedPetrel.start(builder -> builder
                .config(EmbeddedPetrel.testConfig().withListeners(List.of(ListenerConfig.tcp("tcp", EmbeddedPetrel.HOST, 0))))
                .deviceStores(stores))) {
            DevicePlatform platform = petrel.server().devicePlatform();
            List<SimulatedDevice> fleet = new ArrayList<>(devices);
            for (int i = 0; i < devices; i++) {
                Device device = platform.registry().createDevice(
                        NewDevice.named(Principal.DEFAULT_ORGANIZATION, "sim-" + i)).value();
                String token = platform.registry().credentials(device.id()).orElseThrow().value();
                fleet.add(new SimulatedDevice(device, MqttClient.builder().useMqttVersion5().identifier("sim-" + i)
                        .serverHost(EmbeddedPetrel.HOST).serverPort(petrel.port()).simpleAuth().username(token)
                        .applySimpleAuth().buildAsync(), keys));
            }
            CompletableFuture.allOf(fleet.stream().map(d -> d.client.connect()).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);

            Run run = new Run(fleet, rate);
            run.start();
            TimeUnit.SECONDS.sleep(warmup);
            long measuredFrom = run.beginMeasuring();
            long storedBefore = telemetry.points();
            TimeUnit.SECONDS.sleep(seconds);
            long measuredPoints = run.acknowledgedInWindow() * keys;
            long stored = telemetry.points() - storedBefore;
            Histogram latency = run.endMeasuring();
            double window = (System.nanoTime() - measuredFrom) / 1e9;
            run.stop();
            boolean drained = run.awaitDrained(Duration.ofSeconds(60));

            long published = run.published();
            long acknowledged = run.acknowledged();
            long refused = run.refused();
            long lastSeqMismatches = fleet.stream().filter(d -> !d.lastSeqStored(platform)).count();
            double offered = (double) devices * rate * keys;
            String report = String.format(Locale.ROOT, """
                    store %s: %d devices x %d msg/s x %d points (offered %,.0f points/s), %d s measured after %d s warm-up
                    sustained: %,.0f points/s acknowledged, %,.0f points/s stored, over %.1f s
                    latency to storage (due -> PUBACK), ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f
                    loss: %d published, %d acknowledged, %d refused, %s, %d points stored in all against %d acknowledged, \
                    %d devices whose latest seq is not their last
                    load average %.1f, %d processors
                    """, store, devices, rate, keys, offered, seconds, warmup, measuredPoints / window,
                    stored / window, window, ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 99.9),
                    latency.getMaxValue() / 1000.0, published, acknowledged, refused,
                    drained ? "all answered" : "NOT all answered within 60 s", telemetry.points(),
                    acknowledged * keys, lastSeqMismatches,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.print(report);
            for (SimulatedDevice device : fleet) {
                device.client.disconnect();
            }
            boolean lossless = drained && refused == 0 && acknowledged == published
                    && telemetry.points() == acknowledged * keys && lastSeqMismatches == 0;
            if (!lossless) {
                System.out.println("LOSS: the run lost or refused data");
                System.exit(1);
            }
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    /** One simulated device: its client, the next sequence number, and the last one acknowledged. */
    private static final class SimulatedDevice {
        final Device device;
        final Mqtt5AsyncClient client;
        final int keys;
        long nextSeq;
        final AtomicLong lastAcknowledged = new AtomicLong(-1);

        SimulatedDevice(Device device, Mqtt5AsyncClient client, int keys) {
            this.device = device;
            this.client = client;
            this.keys = keys;
        }

        /** {"seq":n,"v1":...}: the sequence number and keys - 1 more values. */
        byte[] payload(long seq) {
            StringBuilder json = new StringBuilder(16 * keys).append("{\"seq\":").append(seq);
            for (int k = 1; k < keys; k++) {
                json.append(",\"v").append(k).append("\":").append((seq * 31 + k) % 1000 / 10.0);
            }
            return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }

        boolean lastSeqStored(DevicePlatform platform) {
            List<TsEntry> latest = platform.telemetry().latest(device.id(), List.of("seq"));
            return !latest.isEmpty() && latest.getFirst().value().equals(KvValue.of(lastAcknowledged.get()));
        }
    }

    /** The schedule: every device publishes at its rate, spread over the period, from one timer. */
    private static final class Run {
        private final List<SimulatedDevice> fleet;
        private final long periodNanos;
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
        private final Recorder latency = new Recorder(3);
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong inWindow = new AtomicLong();
        private volatile boolean measuring;

        Run(List<SimulatedDevice> fleet, int rate) {
            this.fleet = fleet;
            this.periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        }

        void start() {
            long origin = System.nanoTime();
            for (int i = 0; i < fleet.size(); i++) {
                SimulatedDevice device = fleet.get(i);
                long offset = periodNanos * i / fleet.size();
                long first = origin + offset;
                tasks.add(timer.scheduleAtFixedRate(() -> publish(device, first), offset, periodNanos,
                        TimeUnit.NANOSECONDS));
            }
        }

        private void publish(SimulatedDevice device, long first) {
            long seq = device.nextSeq++;
            long due = first + seq * periodNanos;
            published.incrementAndGet();
            device.client.publishWith().topic("v1/devices/me/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(device.payload(seq)).send().whenComplete((result, failure) -> {
                        if (failure == null && result instanceof Mqtt5PublishResult.Mqtt5Qos1Result ack
                                && ack.getPubAck().getReasonCode() == Mqtt5PubAckReasonCode.SUCCESS) {
                            long now = System.nanoTime();
                            acknowledged.incrementAndGet();
                            device.lastAcknowledged.accumulateAndGet(seq, Math::max);
                            if (measuring) {
                                inWindow.incrementAndGet();
                                latency.recordValue(Math.max(0, (now - due) / 1000));
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                    });
        }

        long beginMeasuring() {
            latency.reset();
            inWindow.set(0);
            measuring = true;
            return System.nanoTime();
        }

        Histogram endMeasuring() {
            measuring = false;
            return latency.getIntervalHistogram();
        }

        long acknowledgedInWindow() {
            return inWindow.get();
        }

        void stop() {
            tasks.forEach(task -> task.cancel(false));
            timer.shutdown();
        }

        boolean awaitDrained(Duration timeout) throws InterruptedException {
            timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (acknowledged.get() + refused.get() < published.get() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            return acknowledged.get() + refused.get() == published.get();
        }

        long published() {
            return published.get();
        }

        long acknowledged() {
            return acknowledged.get();
        }

        long refused() {
            return refused.get();
        }
    }
}
