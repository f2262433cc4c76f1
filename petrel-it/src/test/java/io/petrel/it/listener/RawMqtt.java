package io.petrel.it.listener;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Exact MQTT 3.1.1 bytes for tests that talk below the client libraries. */
final class RawMqtt {
    /** CONNACK, session not present, accepted. */
    static final byte[] CONNACK = {0x20, 0x02, 0x00, 0x00};
    static final byte[] PINGREQ = {(byte) 0xC0, 0x00};
    static final byte[] PINGRESP = {(byte) 0xD0, 0x00};

    private RawMqtt() {
    }

    /** A clean-session CONNECT with a 60 s keep alive. */
    static byte[] connect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x10);
        out.write(10 + 2 + id.length);
        out.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C});
        out.write(id.length >> 8);
        out.write(id.length & 0xFF);
        out.writeBytes(id);
        return out.toByteArray();
    }
}
