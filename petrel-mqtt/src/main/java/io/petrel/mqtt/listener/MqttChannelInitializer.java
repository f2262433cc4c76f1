package io.petrel.mqtt.listener;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.petrel.mqtt.handler.PacketDispatcher;
import io.petrel.mqtt.protocol.MqttProtocolConfig;
import io.petrel.mqtt.protocol.ProtocolContext;
import java.util.concurrent.TimeUnit;

/** Builds the pipeline of a plain TCP MQTT connection. The whole order is on this one screen. */
final class MqttChannelInitializer extends ChannelInitializer<Channel> {
    private final ProtocolContext protocol;
    private final String listener;
    private final TrafficCounter traffic;

    MqttChannelInitializer(ProtocolContext protocol, String listener) {
        this.protocol = protocol;
        this.listener = listener;
        this.traffic = new TrafficCounter(protocol.engine().metrics());
    }

    @Override
    protected void initChannel(Channel channel) {
        MqttProtocolConfig config = protocol.config();
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(HandlerNames.TRAFFIC, traffic);
        pipeline.addLast(HandlerNames.IDLE, new IdleStateHandler(config.connectTimeoutSeconds(), 0, 0, TimeUnit.SECONDS));
        // The codec's own defaults (8 KB packets, 23-character ids) are far below what brokers accept. Strict
        // UTF-8 is asked for by name: every string that is not well-formed or holds U+0000 is then a malformed
        // packet [MQTT-1.5.4-1] [MQTT-1.5.4-2], and the protocol layer relies on that.
        pipeline.addLast(HandlerNames.DECODER,
                new MqttDecoder(config.maxPacketSize(), config.maxClientIdLength(), true));
        pipeline.addLast(HandlerNames.ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(HandlerNames.DISPATCHER, new PacketDispatcher(protocol, listener));
    }
}
