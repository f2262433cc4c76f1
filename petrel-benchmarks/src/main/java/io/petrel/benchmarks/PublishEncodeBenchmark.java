package io.petrel.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.session.Delivery;
import io.petrel.mqtt.codec.OutboundPublishEncoder;
import io.petrel.mqtt.codec.OutboundTopicAliases;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Turning one delivery into PUBLISH bytes: Petrel's outbound encoder (QoS, properties, aliases) followed by
 * Netty's MQTT encoder, as a connection's pipeline runs them, for MQTT 3.1.1 and 5 and two payload sizes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PublishEncodeBenchmark {
    @Param({"true", "false"})
    public boolean v5;

    @Param({"64", "1024"})
    public int payloadSize;

    private OutboundPublishEncoder encoder;
    private Delivery delivery;
    private EmbeddedChannel channel;

    @Setup
    public void setUp() {
        encoder = new OutboundPublishEncoder(v5, Long.MAX_VALUE, new OutboundTopicAliases(0));
        Message message = Message.of("fleet/42/device/4242/telemetry", new byte[payloadSize], QoS.AT_LEAST_ONCE,
                false);
        delivery = new Delivery(message, QoS.AT_LEAST_ONCE, false, Delivery.NO_IDS, null, null);
        channel = encodingChannel(v5);
    }

    /** A channel with Netty's MQTT encoder, set to a protocol version by encoding a CONNECT first. */
    static EmbeddedChannel encodingChannel(boolean v5) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(MqttMessageBuilders.connect().clientId("bench")
                .protocolVersion(v5 ? MqttVersion.MQTT_5 : MqttVersion.MQTT_3_1_1).build());
        ((ByteBuf) channel.readOutbound()).release();
        return channel;
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public int encode() {
        MqttPublishMessage publish = encoder.encode(delivery, 1, false, 0);
        channel.writeOutbound(publish);
        ByteBuf bytes = channel.readOutbound();
        int size = bytes.readableBytes();
        bytes.release();
        return size;
    }
}
