package io.petrel.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.petrel.api.Message;
import io.petrel.api.QoS;
import io.petrel.engine.session.Delivery;
import io.petrel.engine.session.WireCache;
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
 * One QoS 0 message fanned out to N MQTT 5 subscribers: the bytes each subscriber's connection writes, made
 * by each subscriber's own outbound encoder from a delivery that shares one {@link WireCache}, as the
 * engine's fan-out hands them over. The score is the time to fan one message out, in microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FanoutEncodeBenchmark {
    @Param({"100", "1000"})
    public int subscribers;

    @Param({"64", "1024"})
    public int payloadSize;

    private OutboundPublishEncoder[] encoders;
    private Message message;
    private EmbeddedChannel channel;

    @Setup
    public void setUp() {
        encoders = new OutboundPublishEncoder[subscribers];
        for (int i = 0; i < subscribers; i++) {
            encoders[i] = new OutboundPublishEncoder(true, Long.MAX_VALUE, new OutboundTopicAliases(0));
        }
        message = Message.of("fleet/42/device/4242/telemetry", new byte[payloadSize], QoS.AT_MOST_ONCE, false);
        channel = PublishEncodeBenchmark.encodingChannel(true);
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public long fanOut() {
        Delivery delivery = new Delivery(message, QoS.AT_MOST_ONCE, false, Delivery.NO_IDS, null, new WireCache());
        long bytes = 0;
        for (OutboundPublishEncoder encoder : encoders) {
            // What MqttConnection.sendPublish writes: shared bytes, or a PUBLISH its pipeline encodes.
            Object packet = encoder.encodeForWire(delivery, 0, false, 0);
            ByteBuf wire;
            if (packet instanceof MqttPublishMessage publish) {
                channel.writeOutbound(publish);
                wire = channel.readOutbound();
            } else {
                wire = (ByteBuf) packet;
            }
            bytes += wire.readableBytes();
            wire.release();
        }
        return bytes;
    }
}
