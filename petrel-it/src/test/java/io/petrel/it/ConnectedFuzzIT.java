package io.petrel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.it.FuzzedPackets.Fuzzed;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolError;
import io.petrel.testkit.EmbeddedPetrel;
import io.petrel.testkit.MqttBytes;
import io.petrel.testkit.MqttPackets;
import io.petrel.testkit.RawMqttClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzed packets from connected clients, MQTT 3.1.1 and 5: every packet type a client sends after CONNECT,
 * well-formed or spoiled by {@link FuzzedPackets}, each on a fresh connection and followed by a PINGREQ. For each,
 * within a bound, the server either answers the PINGREQ, having dealt with the packet before it, or closes the
 * connection; it never waits for bytes that will not come. Every close the server makes is counted once, under a
 * reason whose code is the one its DISCONNECT gave; a bystander's QoS 1 round trip works after every packet, and
 * no buffer leaks.
 *
 * <p>Seeded: a failure names the seed and the round, and {@code -Dpetrel.fuzz.seed=0x...} replays it;
 * {@code -Dpetrel.fuzz.rounds=N} changes how many rounds run.
 */
class ConnectedFuzzIT {
    private static final long DEFAULT_SEED = 0xF0CC_ED5EEDL;
    private static final int ROUNDS = Integer.getInteger("petrel.fuzz.rounds", 400);
    private static final int MAX_PACKET_SIZE = 64 * 1024;
    /** How long the server has to answer or close: generous, as builds share slow machines. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** More packets than any fuzzed packet can earn (retained messages of a subscription, at most one per round). */
    private static final int MAX_ANSWERS = 2 * ROUNDS + 10;
    private static final int DISCONNECT = 0xE0;
    private static final int PINGRESP = 0xD0;

    private static EmbeddedPetrel petrel;
    private static Bystander bystander;

    @BeforeAll
    static void start() {
        petrel = EmbeddedPetrel.withConfig(config -> config.withProtocol(withMaxPacketSize(config.protocol())));
        bystander = Bystander.connect(petrel, "fuzz-bystander");
    }

    @AfterAll
    static void stop() {
        bystander.close();
        // Fails if any buffer leaked on the way.
        petrel.close();
    }

    @Test
    void noFuzzedPacketStallsItsConnectionOrReachesAnother() throws Exception {
        long seed = Long.decode(System.getProperty("petrel.fuzz.seed", Long.toString(DEFAULT_SEED)));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, Integer> outcomes = new TreeMap<>();
        int rounds = 0;
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++, rounds++) {
            long roundSeed = seed * 31 + round;
            Fuzzed fuzzed = null;
            try {
                Random random = new Random(roundSeed);
                int level = random.nextBoolean() ? 5 : 4;
                fuzzed = FuzzedPackets.mutate(FuzzedPackets.packet(random, level), random, MAX_PACKET_SIZE);
                outcomes.merge(exchange(round, level, fuzzed), 1, Integer::sum);
                bystander.assertStillServed();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format("round %d failed: -Dpetrel.fuzz.seed=0x%x (round seed 0x%x)"
                        + "%n  sent: %s%n  bytes: %s", round, seed, roundSeed,
                        fuzzed == null ? "-" : fuzzed.description(),
                        fuzzed == null ? "-" : MqttBytes.hex(fuzzed.bytes())), e);
            }
        }
        System.out.printf("ConnectedFuzzIT: %d rounds, seed 0x%x: %s%n", rounds, seed, outcomes);
        // The fuzzer reaches both sides: packets that are dealt with, and each way of ending a connection.
        assertThat(outcomes.getOrDefault("answered", 0)).as("rounds answered").isGreaterThan(rounds / 10);
        assertThat(outcomes).containsKey("closed: TRUNCATED_PACKET");
    }

    /**
     * Sends one fuzzed packet and a PINGREQ on a fresh connection, and reads until the PINGRESP or the close.
     *
     * @return what happened, such as {@code answered} or {@code closed: TRUNCATED_PACKET}
     */
    private static String exchange(int round, int level, Fuzzed fuzzed) {
        Map<String, Long> before = petrel.metrics().closeReasons();
        int disconnectReason = -1;
        try (RawMqttClient client = RawMqttClient.open(EmbeddedPetrel.HOST, petrel.port(), level, BOUND)) {
            client.connect("fuzz-" + round);
            client.send(fuzzed.bytes(), MqttPackets.pingreq());
            for (int answers = 0; answers < MAX_ANSWERS; answers++) {
                Optional<byte[]> next = client.nextPacketOrClose();
                if (next.isEmpty()) {
                    return closed(fuzzed, before, disconnectReason);
                }
                byte[] packet = next.get();
                int type = packet[0] & 0xF0;
                if (type == PINGRESP) {
                    assertThat(disconnectReason).as("a PINGRESP after a DISCONNECT").isEqualTo(-1);
                    assertThat(petrel.metrics().closeReasons()).as("no close counted").isEqualTo(before);
                    return "answered";
                }
                if (type == DISCONNECT) {
                    assertThat(level).as("a DISCONNECT to an MQTT 3.1.1 client").isEqualTo(5);
                    disconnectReason = packet.length > 2 ? packet[2] & 0xFF : 0;
                }
            }
            throw new AssertionError("more than " + MAX_ANSWERS + " packets for one");
        }
    }

    /** Checks that the close is counted once, under the reason its DISCONNECT gave, and names that reason. */
    private static String closed(Fuzzed fuzzed, Map<String, Long> before, int disconnectReason) {
        // A DISCONNECT from the client ends the connection normally: the server closes it and counts nothing.
        boolean mayBeNormal = (fuzzed.bytes()[0] & 0xF0) == DISCONNECT;
        await().atMost(BOUND).until(() -> counted(before).size() >= (mayBeNormal ? 0 : 1));
        Map<String, Long> counted = counted(before);
        assertThat(counted.values()).as("closes counted for one connection").allMatch(n -> n == 1)
                .hasSizeLessThanOrEqualTo(1);
        if (counted.isEmpty()) {
            assertThat(disconnectReason).as("a DISCONNECT without a counted reason").isEqualTo(-1);
            return "closed normally";
        }
        String reason = counted.keySet().iterator().next();
        if (disconnectReason >= 0) {
            assertThat(ProtocolError.valueOf(reason).reasonCode()).as("the DISCONNECT's reason code for " + reason)
                    .isEqualTo(disconnectReason);
        }
        return "closed: " + reason;
    }

    private static Map<String, Long> counted(Map<String, Long> before) {
        Map<String, Long> counted = new HashMap<>();
        petrel.metrics().closeReasons().forEach((reason, count) -> {
            long added = count - before.getOrDefault(reason, 0L);
            if (added != 0) {
                counted.put(reason, added);
            }
        });
        return counted;
    }

    private static MqttProtocolConfig withMaxPacketSize(MqttProtocolConfig c) {
        return new MqttProtocolConfig(MAX_PACKET_SIZE, c.maxClientIdLength(), c.receiveMaximum(),
                c.topicAliasMaximum(), c.maxKeepAliveSeconds(), c.connectTimeoutSeconds(), c.retainAvailable(),
                c.maxPendingBeforeConnect());
    }
}
