package io.petrel.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * A client that speaks MQTT in exact bytes over a real TCP connection, for tests that send what no library
 * would: malformed packets, packets out of order, flags a client must never set. It reads what the server
 * answers either as exact bytes or decoded by Netty's MQTT decoder, and tells when the server has closed the
 * connection. Every wait is bounded; nothing sleeps.
 *
 * <p>Not thread-safe: one test thread drives one client.
 */
public final class RawMqttClient implements AutoCloseable {
    /** How long a read waits for the server by default: generous, since builds share slow machines. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private static final int MAX_PACKET = 268_435_460;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int level;
    private final Duration wait;
    private final EmbeddedChannel decoder;

    private RawMqttClient(Socket socket, int level, Duration wait) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.level = level;
        this.wait = wait;
        this.decoder = newDecoder(level);
    }

    /** Connects over TCP to an embedded server. Nothing is sent yet: the first packet is the test's to choose. */
    public static RawMqttClient open(EmbeddedPetrel petrel, int protocolLevel) {
        return open(petrel.host(), petrel.port(), protocolLevel, DEFAULT_WAIT);
    }

    /**
     * Connects over TCP.
     *
     * @param protocolLevel 3, 4 or 5: the version the server's packets are decoded in
     * @param wait how long each read waits for the server
     */
    public static RawMqttClient open(String host, int port, int protocolLevel, Duration wait) {
        try {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            return new RawMqttClient(socket, protocolLevel, wait);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** The protocol level this client decodes the server's packets in. */
    public int level() {
        return level;
    }

    /** Sends packets as they are, in one write. */
    public RawMqttClient send(byte[]... packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            all.writeBytes(packet);
        }
        try {
            out.write(all.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server closed the connection before the write", e);
        }
        return this;
    }

    /** Sends bytes given in hex, such as {@code "c0 00"}. */
    public RawMqttClient sendHex(String hex) {
        return send(MqttBytes.fromHex(hex));
    }

    /** Sends a CONNECT with clean start and expects the CONNACK that accepts it. */
    public MqttConnAckMessage connect(String clientId) {
        send(MqttPackets.connect(level, clientId));
        MqttConnAckMessage connAck = read(MqttConnAckMessage.class);
        if (connAck.variableHeader().connectReturnCode() != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            throw new AssertionError("CONNECT of " + clientId + " refused: " + connAck);
        }
        return connAck;
    }

    /** Sends PINGREQ and expects PINGRESP: proof that the connection is alive and being served. */
    public void ping() {
        send(MqttPackets.pingreq());
        expect("d0 00");
    }

    /**
     * The exact bytes of the next packet from the server.
     *
     * @throws AssertionError if none comes in time, or the server closes the connection first
     */
    public byte[] readPacket() {
        long deadline = System.nanoTime() + wait.toNanos();
        return completePacket(readByte(deadline), deadline);
    }

    /**
     * The exact bytes of the next packet from the server, or empty if the server closes the connection (or
     * resets it) before it begins another: the one read that tells an answer from a close without waiting
     * twice.
     *
     * @throws AssertionError if the server neither sends a packet nor closes in time, or closes in the middle
     *         of a packet
     */
    public Optional<byte[]> nextPacketOrClose() {
        long deadline = System.nanoTime() + wait.toNanos();
        int first = readByteOrEnd(deadline);
        if (first < 0) {
            return Optional.empty();
        }
        return Optional.of(completePacket(first, deadline));
    }

    /** Reads the rest of a packet whose first byte has come (its remaining length, then that many bytes). */
    private byte[] completePacket(int first, long deadline) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(first);
        int remaining = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = readByte(deadline);
            packet.write(digit);
            remaining += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0 && multiplier <= 128 * 128 * 128);
        for (int i = 0; i < remaining; i++) {
            packet.write(readByte(deadline));
        }
        return packet.toByteArray();
    }

    /** Reads the next packet and fails unless its bytes are exactly these, given in hex. */
    public void expect(String hex) {
        String actual = MqttBytes.hex(readPacket());
        String expected = MqttBytes.hex(MqttBytes.fromHex(hex));
        if (!actual.equals(expected)) {
            throw new AssertionError("expected packet [" + expected + "] but the server sent [" + actual + "]");
        }
    }

    /**
     * The next packet from the server, decoded as a client of this protocol level decodes it. A PUBLISH's
     * payload is on the heap and needs no release.
     */
    public MqttMessage read() {
        decoder.writeInbound(Unpooled.wrappedBuffer(readPacket()));
        MqttMessage packet = decoder.readInbound();
        if (packet == null || packet.decoderResult().isFailure()) {
            throw new AssertionError("the server sent a packet a client cannot decode: " + packet);
        }
        return packet;
    }

    /** The next packet from the server, which must be of the given type. */
    public <T extends MqttMessage> T read(Class<T> type) {
        MqttMessage packet = read();
        if (!type.isInstance(packet)) {
            throw new AssertionError("expected a " + type.getSimpleName() + " but the server sent " + packet);
        }
        return type.cast(packet);
    }

    /**
     * Waits until the server closes the connection.
     *
     * @return the bytes the server sent before it closed, which may be none
     * @throws AssertionError if the connection is still open when the wait is over
     */
    public byte[] awaitClose() {
        long deadline = System.nanoTime() + wait.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                setTimeout(deadline);
                int read = in.read(buffer);
                if (read < 0) {
                    return received.toByteArray();
                }
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + wait
                    + "; it sent [" + MqttBytes.hex(received.toByteArray()) + "]");
        } catch (SocketException e) {
            // A reset: the server closed with unread bytes in its receive buffer.
            return received.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server closes the connection and fails if it sent anything before. */
    public void expectClosedSilently() {
        byte[] sent = awaitClose();
        if (sent.length > 0) {
            throw new AssertionError("expected a close without a packet, but the server sent ["
                    + MqttBytes.hex(sent) + "]");
        }
    }

    private int readByte(long deadline) {
        try {
            setTimeout(deadline);
            int value = in.read();
            if (value < 0) {
                throw new AssertionError("the server closed the connection instead of sending a packet");
            }
            return value;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no packet from the server within " + wait);
        } catch (SocketException e) {
            throw new AssertionError("the connection was reset instead of a packet: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next byte, or -1 if the server closed or reset the connection first. */
    private int readByteOrEnd(long deadline) {
        try {
            setTimeout(deadline);
            return in.read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("neither a packet nor a close from the server within " + wait);
        } catch (SocketException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setTimeout(long deadline) throws SocketTimeoutException, SocketException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException();
        }
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
    }

    /**
     * A decoder that reads server packets as a client of the given level does. Netty's decoder learns the
     * version from a CONNECT it decodes, so it is shown one first. Its buffers are unpooled and untracked: they
     * belong to the test, not to the server under test.
     */
    private static EmbeddedChannel newDecoder(int level) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(new UnpooledByteBufAllocator(false, true));
        channel.pipeline().addLast(new MqttDecoder(MAX_PACKET, 65_535));
        ByteBuf connect = Unpooled.wrappedBuffer(MqttPackets.connect(level, "decoder"));
        channel.writeInbound(connect);
        MqttMessage primed = channel.readInbound();
        if (primed == null || primed.decoderResult().isFailure()) {
            throw new IllegalArgumentException("unsupported protocol level " + level);
        }
        return channel;
    }

    @Override
    public void close() {
        decoder.finishAndReleaseAll();
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
