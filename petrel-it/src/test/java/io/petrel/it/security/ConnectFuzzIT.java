package io.petrel.it.security;

import static io.petrel.it.security.SecureBroker.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.petrel.testkit.EmbeddedPetrel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzed CONNECTs: random client ids, user names, passwords and wills in all three protocol versions, half of
 * them with flipped bytes. None may get in, none may crash the server, and a real client still works after.
 */
class ConnectFuzzIT {
    private static final long SEED = 0x5EC0_4E77L;
    private static final int ROUNDS = 300;
    private static final String ALPHABET = "abcXYZ019/+#$ _-.é€😀\u0000";

    @TempDir
    static Path dir;
    private static EmbeddedPetrel petrel;

    @BeforeAll
    static void start() throws Exception {
        petrel = SecureBroker.start(SecureBroker.security(SecureBroker.passwordFile(dir, "alice"), null, Map.of(),
                Set.of()));
    }

    @AfterAll
    static void stop() {
        petrel.close();
    }

    @Test
    void noFuzzedConnectGetsInOrHurtsTheServer() throws Exception {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            byte[] packet = connectPacket(random);
            if (random.nextBoolean()) {
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    int at = 1 + random.nextInt(packet.length - 1);
                    packet[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            byte[] answer = exchange(packet);
            // A CONNACK's return code (v3) or reason code (v5) is its fourth byte; 0 would let the client in.
            if (answer.length >= 4 && (answer[0] & 0xFF) == 0x20) {
                if (answer[3] == 0) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(accepted).as("fuzzed CONNECTs accepted (seed %x)", SEED).isZero();
        // Most fuzzed CONNECTs are well-formed enough to reach authentication and get a refusing CONNACK.
        assertThat(refused).isGreaterThan(ROUNDS / 4);

        // The server still serves real clients.
        Inbox inbox = new Inbox("after", SecureBroker.connectV5(petrel, "after-fuzz", "alice", PASSWORD))
                .subscribe("still/alive");
        inbox.client.publishWith().topic("still/alive").payload(new byte[] {1}).send();
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.received.size() == 1);
        inbox.client.disconnect();
    }

    /**
     * A CONNECT written by hand, so that its strings may be any bytes at all: empty, over-long, with wildcards,
     * U+0000 or malformed UTF-8.
     */
    private static byte[] connectPacket(Random random) {
        int level = 3 + random.nextInt(3);
        boolean user = random.nextInt(4) > 0;
        boolean password = random.nextInt(4) > 0;
        boolean will = random.nextBoolean();
        int willQos = random.nextInt(3);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, (level == 3 ? "MQIsdp" : "MQTT").getBytes(StandardCharsets.UTF_8));
        body.write(level);
        int flags = (random.nextBoolean() ? 0x02 : 0) | (will ? 0x04 | willQos << 3 | (random.nextBoolean() ? 0x20 : 0) : 0)
                | (password ? 0x40 : 0) | (user ? 0x80 : 0);
        body.write(flags);
        body.write(0);
        body.write(random.nextInt(120));
        if (level == 5) {
            body.write(0);
        }
        string(body, text(random, random.nextInt(30)));
        if (will) {
            if (level == 5) {
                body.write(0);
            }
            string(body, text(random, random.nextInt(20)));
            string(body, bytes(random, random.nextInt(64)));
        }
        if (user) {
            string(body, random.nextInt(5) == 0 ? "alice".getBytes(StandardCharsets.UTF_8)
                    : text(random, 1 + random.nextInt(40)));
        }
        if (password) {
            string(body, bytes(random, random.nextInt(40)));
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int remaining = body.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
    }

    private static byte[] text(Random random, int length) {
        if (random.nextInt(10) == 0) {
            return bytes(random, length);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                    random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Sends the bytes, closes the sending side and reads what the server answers until it closes. */
    private static byte[] exchange(byte[] packet) throws IOException {
        try (Socket socket = new Socket(petrel.host(), petrel.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(packet);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[256];
            int read;
            try {
                while ((read = in.read(buffer)) >= 0) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | java.net.SocketException closed) {
                return answer.toByteArray();
            }
            return answer.toByteArray();
        }
    }
}
