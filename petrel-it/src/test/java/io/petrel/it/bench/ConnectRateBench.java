package io.petrel.it.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.petrel.api.auth.TopicScope;
import io.petrel.mqtt.listener.ListenerConfig;
import io.petrel.security.SecurityConfig;
import io.petrel.security.token.OrgToken;
import io.petrel.security.token.TokenCodec;
import io.petrel.testkit.EmbeddedPetrel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connect rate with anonymous, password ($7$, as `petrel passwd` and mosquitto_passwd write it) and org-token
 * logins against one Petrel, and optionally against a Mosquitto started by scripts/bench-connect.sh, in one run.
 * Each connect is a fresh TCP connection, a CONNECT, the CONNACK and a DISCONNECT; {@code CONCURRENCY} are in
 * flight at once. Not a test: run it with scripts/bench-connect.sh.
 *
 * <p>Arguments: connects per mode, concurrency, and optionally Mosquitto's anonymous and password ports.
 */
public final class ConnectRateBench {
    private static final int ROUNDS = 5;
    private ConnectRateBench() {
    }

    public static void main(String[] args) throws Exception {
        int connects = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path dir = Files.createTempDirectory("petrel-bench");
        Path passwd = Path.of(args.length > 4 ? args[4] : dir.resolve("passwd").toString());
        if (args.length <= 4) {
            new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwd.toString(), "bench", "bench-password")
                    .inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
        SecurityConfig defaults = SecurityConfig.defaults();
        SecurityConfig security = new SecurityConfig(passwd, null, defaults.operators(), defaults.organizations(), true,
                null, null, null, defaults.authThreads(), defaults.authQueue(), defaults.reloadInterval(),
                defaults.guard(), defaults.limits());
        try (EmbeddedPetrel petrel = EmbeddedPetrel.withConfig(config -> config.withSecurity(security)
                .withListeners(List.of(ListenerConfig.tcp("tcp", EmbeddedPetrel.HOST, 0))))) {
            Instant now = Instant.now();
            String token = petrel.server().security().tokens().sign(new OrgToken(TokenCodec.newId(), "bench", "acme",
                    new TopicScope(List.of(), List.of("device/+/telemetry/#")), false, now, now.plus(Duration.ofHours(1))));
            int port = petrel.port();
            // Warm up the JIT and the pools once per mode before measuring.
            for (String mode : List.of("anonymous", "password", "token")) {
                run(port, Math.max(200, connects / 5), concurrency, mode, token);
            }
            boolean withMosquitto = args.length > 3;
            int mqAnonymous = withMosquitto ? Integer.parseInt(args[2]) : 0;
            int mqPassword = withMosquitto ? Integer.parseInt(args[3]) : 0;
            if (withMosquitto) {
                run(mqAnonymous, Math.max(200, connects / 5), concurrency, "anonymous", token);
            }
            // Rounds interleave the modes, so that load from elsewhere on the machine hits them alike; the median
            // of the rounds is reported.
            double[][] rates = new double[5][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                rates[0][round] = run(port, connects, concurrency, "anonymous", token);
                rates[1][round] = run(port, connects, concurrency, "password", token);
                rates[2][round] = run(port, connects, concurrency, "token", token);
                if (withMosquitto) {
                    rates[3][round] = run(mqAnonymous, connects, concurrency, "anonymous", token);
                    rates[4][round] = run(mqPassword, connects, concurrency, "password", token);
                }
            }
            double anonymous = report("petrel anonymous", median(rates[0]), 0);
            report("petrel password ($7$, 101 it.)", median(rates[1]), anonymous);
            report("petrel org token (ES256)", median(rates[2]), anonymous);
            if (withMosquitto) {
                double mosquitto = report("mosquitto 2.0.11 anonymous", median(rates[3]), 0);
                report("mosquitto 2.0.11 password ($7$, 101 it.)", median(rates[4]), mosquitto);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double report(String name, double rate, double baseline) {
        System.out.printf(Locale.ROOT, "%-36s %8.0f connects/s%s%n", name, rate,
                baseline > 0 ? String.format(Locale.ROOT, "  (%.0f%% of anonymous)", 100 * rate / baseline) : "");
        return rate;
    }

    /** Connects and disconnects {@code count} clients, {@code concurrency} at a time; returns connects per second. */
    private static double run(int port, int count, int concurrency, String mode, String token) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            slots.acquire();
            Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(mode + "-" + i)
                    .serverHost(EmbeddedPetrel.HOST).serverPort(port).buildAsync();
            var connect = client.connectWith().cleanStart(true);
            CompletableFuture<?> connected = switch (mode) {
                case "password" -> connect.simpleAuth().username("bench")
                        .password("bench-password".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
                case "token" -> connect.simpleAuth().username(token).applySimpleAuth().send();
                default -> connect.send();
            };
            all[i] = connected.thenCompose(ack -> client.disconnect()).whenComplete((ok, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                }
                slots.release();
            });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            System.out.printf("  (%s: %d of %d connects failed)%n", mode, failures.get(), count);
        }
        return count / seconds;
    }
}
