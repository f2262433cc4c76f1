package io.petrel.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.petrel.cli.client.Endpoint.Transport;
import org.junit.jupiter.api.Test;

/** The broker URLs {@code -L} takes, with the defaults a user expects for each scheme. */
class EndpointTest {
    @Test
    void eachSchemeHasItsTransportAndDefaultPort() {
        assertThat(Endpoint.parse("mqtt://broker")).isEqualTo(new Endpoint(Transport.MQTT, "broker", 1883, ""));
        assertThat(Endpoint.parse("mqtts://broker")).isEqualTo(new Endpoint(Transport.MQTTS, "broker", 8883, ""));
        assertThat(Endpoint.parse("ws://broker")).isEqualTo(new Endpoint(Transport.WS, "broker", 8083, "mqtt"));
        assertThat(Endpoint.parse("wss://broker:443/ws/mqtt"))
                .isEqualTo(new Endpoint(Transport.WSS, "broker", 443, "ws/mqtt"));
    }

    @Test
    void hostAndPortFlagsMeanPlainMqttOrMqttsWithTlsOptions() {
        assertThat(Endpoint.of("127.0.0.1", 0, false)).isEqualTo(new Endpoint(Transport.MQTT, "127.0.0.1", 1883, ""));
        assertThat(Endpoint.of("127.0.0.1", 0, true)).isEqualTo(new Endpoint(Transport.MQTTS, "127.0.0.1", 8883, ""));
    }

    @Test
    void otherUrlsAreRefusedWithAMessageForTheUser() {
        assertThatThrownBy(() -> Endpoint.parse("http://broker")).hasMessageContaining("unknown scheme 'http'");
        assertThatThrownBy(() -> Endpoint.parse("broker:1883")).hasMessageContaining("not a broker URL");
    }
}
