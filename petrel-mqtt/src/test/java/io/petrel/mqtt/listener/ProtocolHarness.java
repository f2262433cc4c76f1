package io.petrel.mqtt.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.petrel.api.ClientInfo;
import io.petrel.api.Principal;
import io.petrel.api.auth.AuthResult;
import io.petrel.api.auth.Authenticator;
import io.petrel.api.auth.Authorizer;
import io.petrel.engine.Engine;
import io.petrel.engine.EngineConfig;
import io.petrel.engine.metrics.BrokerMetrics;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One client connection to the real MQTT pipeline on an {@link EmbeddedChannel}, with a client-side codec in
 * front of it: packets are encoded as a client would encode them, and what the server writes is decoded as a
 * client would decode it. Time moves only when a test advances it. Every buffer handed to the server must have
 * been released by the time the harness closes.
 */
public final class ProtocolHarness implements AutoCloseable {
    /** The address the server sees the client connect from. */
    public static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40_000);

    /** An authorizer that lets clients subscribe to anything and publish nothing. */
    public static final Authorizer PUBLISHING_REFUSED = new Authorizer() {
        @Override
        public boolean mayPublish(ClientInfo client, String topic) {
            return false;
        }

        @Override
        public boolean maySubscribe(ClientInfo client, String filter) {
            return true;
        }
    };

    private static final Authenticator ANYONE =
            attempt -> CompletableFuture.completedFuture(AuthResult.accept(Principal.ANONYMOUS));

    private final ProtocolContext protocol;
    private final EmbeddedChannel server;
    private final EmbeddedChannel client;
    private final List<ByteBuf> sent = new ArrayList<>();

    public ProtocolHarness(ProtocolContext protocol) {
        this.protocol = protocol;
        this.server = new EmbeddedChannel(EmbeddedChannel.builder()
                .handlers(new MqttChannelInitializer(protocol, "test"))) {
            @Override
            protected SocketAddress remoteAddress0() {
                return REMOTE;
            }
        };
        server.freezeTime();
        this.client = new EmbeddedChannel(new MqttDecoder(MqttProtocolConfig.PROTOCOL_MAX_PACKET_SIZE, 65_535),
                MqttEncoder.INSTANCE);
    }

    /** A harness on a fresh engine with default limits, which lets everyone in and allows everything. */
    public static ProtocolHarness start() {
        return new ProtocolHarness(context(MqttProtocolConfig.defaults()));
    }

    /** A harness on a fresh engine with other protocol limits. */
    public static ProtocolHarness start(MqttProtocolConfig config) {
        return new ProtocolHarness(context(config));
    }

    /** What a connection shares with others: a fresh engine that lets everyone in and allows everything. */
    public static ProtocolContext context(MqttProtocolConfig config) {
        return context(config, ANYONE, Authorizer.ALLOW_ALL);
    }

    /** A fresh engine with the given limits and authorizer, which lets everyone in. */
    public static ProtocolContext context(MqttProtocolConfig config, Authorizer authorizer) {
        return context(config, ANYONE, authorizer);
    }

    /** A fresh engine with the given limits, authenticator and authorizer. */
    public static ProtocolContext context(MqttProtocolConfig config, Authenticator authenticator,
            Authorizer authorizer) {
        return context(config, authenticator, authorizer, InstantSource.system());
    }

    /** A fresh engine with the given limits, authenticator, authorizer and wall clock. */
    public static ProtocolContext context(MqttProtocolConfig config, Authenticator authenticator,
            Authorizer authorizer, InstantSource clock) {
        Engine engine = new Engine(EngineConfig.defaults("test"), List::of, clock);
        return new ProtocolContext(engine, config, authenticator, authorizer);
    }

    /** A fresh engine with default limits, which lets everyone in and allows everything, on a given clock. */
    public static ProtocolContext context(InstantSource clock) {
        return context(MqttProtocolConfig.defaults(), ANYONE, Authorizer.ALLOW_ALL, clock);
    }

    public ProtocolContext protocol() {
        return protocol;
    }

    public BrokerMetrics metrics() {
        return protocol.engine().metrics();
    }

    /** Encodes packets with the client codec and hands the bytes to the server, one packet per read. */
    public ProtocolHarness send(MqttMessage... packets) {
        for (MqttMessage packet : packets) {
            assertThat(client.writeOutbound(packet)).isTrue();
            ByteBuf bytes = client.readOutbound();
            deliver(bytes);
        }
        return this;
    }

    /** Encodes packets with the client codec and hands them to the server in one read, as a pipelining client. */
    public ProtocolHarness sendTogether(MqttMessage... packets) {
        ByteBuf together = server.alloc().buffer();
        for (MqttMessage packet : packets) {
            assertThat(client.writeOutbound(packet)).isTrue();
            ByteBuf bytes = client.readOutbound();
            together.writeBytes(bytes);
            bytes.release();
        }
        deliver(together);
        return this;
    }

    /**
     * Hands exact bytes to the server, given in hex ("10 0c 00 04 ..."). The client codec does not see them,
     * so a CONNECT sent this way does not set the version the harness decodes replies in: use
     * {@link #decodeAs} for that.
     */
    public ProtocolHarness sendHex(String hex) {
        return sendBytes(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** Hands exact bytes to the server. */
    public ProtocolHarness sendBytes(byte[] bytes) {
        ByteBuf buffer = server.alloc().buffer(bytes.length).writeBytes(bytes);
        deliver(buffer);
        return this;
    }

    /** Primes the client codec for a protocol version by encoding a CONNECT that is never sent. */
    public ProtocolHarness decodeAs(MqttMessage connect) {
        assertThat(client.writeOutbound(connect)).isTrue();
        ByteBuf discarded = client.readOutbound();
        discarded.release();
        return this;
    }

    private void deliver(ByteBuf bytes) {
        sent.add(bytes);
        server.writeInbound(bytes);
        settle();
    }

    /** Runs every task the server queued, such as the batched flush of replies. */
    public void settle() {
        server.runPendingTasks();
        server.runScheduledPendingTasks();
    }

    /** Moves the server's clock forward and runs what fell due. */
    public void advance(Duration duration) {
        server.advanceTimeBy(duration.toNanos(), TimeUnit.NANOSECONDS);
        settle();
    }

    /** The next packet the server sent, decoded by the client codec, or null if there is none. */
    public @Nullable MqttMessage read() {
        settle();
        ByteBuf bytes = server.readOutbound();
        if (bytes == null) {
            return null;
        }
        client.writeInbound(bytes);
        MqttMessage packet = client.readInbound();
        assertThat(packet).as("a whole packet in one write").isNotNull();
        assertThat(packet.decoderResult().isSuccess()).as("the server's packet decodes").isTrue();
        return detached(packet);
    }

    /** The next packet the server sent, which must be of the given type. */
    public <T extends MqttMessage> T read(Class<T> type) {
        MqttMessage packet = read();
        assertThat(packet).as("a packet from the server").isInstanceOf(type);
        return type.cast(packet);
    }

    /** The exact bytes of the next packet the server sent, in hex, or null if there is none. */
    public @Nullable String readHex() {
        settle();
        ByteBuf bytes = server.readOutbound();
        if (bytes == null) {
            return null;
        }
        try {
            return ByteBufUtil.hexDump(bytes);
        } finally {
            bytes.release();
        }
    }

    /** Whether the server reads from the client, or has stopped reading to slow it down. */
    public boolean isReading() {
        return server.config().isAutoRead();
    }

    /** Stops or resumes the server's reading from the client, as its flow control, quotas and CONNECT do. */
    public void serverReads(boolean reads) {
        server.config().setAutoRead(reads);
    }

    /** Whether the server has closed the connection. */
    public boolean isOpen() {
        return server.isOpen();
    }

    /** Closes the connection from the client side, as when the network fails. */
    public void drop() {
        server.close();
        settle();
    }

    /** A PUBLISH's payload is copied out so that tests never hold a server buffer. */
    private static MqttMessage detached(MqttMessage packet) {
        if (packet instanceof MqttPublishMessage publish) {
            try {
                return publish.replace(Unpooled.copiedBuffer(publish.payload()));
            } finally {
                publish.release();
            }
        }
        return packet;
    }

    @Override
    public void close() {
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
        for (ByteBuf buffer : sent) {
            assertThat(buffer.refCnt()).as("every buffer the server read is released").isZero();
        }
    }
}
