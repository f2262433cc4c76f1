package io.petrel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MqttBytesTest {

    @ParameterizedTest
    @CsvSource({"0, 00", "127, 7f", "128, 80 01", "16383, ff 7f", "16384, 80 80 01", "268435455, ff ff ff 7f"})
    void writesVariableByteIntegersInTheirShortestForm(int value, String hex) {
        // [MQTT-1.5.5-1]
        assertThat(MqttBytes.hex(MqttBytes.body().varInt(value).bytes())).isEqualTo(hex);
    }

    @Test
    void writesPacketsThatNettyDecodes() {
        EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(1 << 20, 65_535));
        decoder.writeInbound(Unpooled.wrappedBuffer(MqttPackets.connect(5, "c")));
        MqttMessage connect = decoder.readInbound();
        assertThat(connect.decoderResult().isSuccess()).isTrue();

        byte[] payload = "x".repeat(200).getBytes(StandardCharsets.UTF_8);
        decoder.writeInbound(Unpooled.wrappedBuffer(MqttPackets.publish(5, "a/b", 1, 7, payload, true,
                MqttBytes.Properties.none().u8(0x01, 1).userProperty("k", "v"))));
        MqttPublishMessage publish = decoder.readInbound();

        assertThat(publish.decoderResult().isSuccess()).isTrue();
        assertThat(publish.variableHeader().topicName()).isEqualTo("a/b");
        assertThat(publish.variableHeader().packetId()).isEqualTo(7);
        assertThat(publish.fixedHeader().isRetain()).isTrue();
        assertThat(publish.variableHeader().properties().getProperty(MqttProperties.PAYLOAD_FORMAT_INDICATOR)
                .value()).isEqualTo(1);
        assertThat(publish.payload().readableBytes()).isEqualTo(200);
        publish.release();
        decoder.finishAndReleaseAll();
    }
}
