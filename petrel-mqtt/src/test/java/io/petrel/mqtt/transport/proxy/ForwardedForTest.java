package io.petrel.mqtt.transport.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {
    private static final TrustedProxies TRUSTED = TrustedProxies.of(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));
    private static final InetSocketAddress PROXY = new InetSocketAddress("10.1.2.3", 40000);

    private static String client(InetSocketAddress peer, String header) {
        InetSocketAddress client = ForwardedFor.client(peer, header, TRUSTED);
        return client == null ? null : client.getAddress().getHostAddress();
    }

    @Test
    void theRightmostUntrustedAddressIsTheClient() {
        assertThat(client(PROXY, "198.51.100.1, 203.0.113.7, 10.9.9.9")).isEqualTo("203.0.113.7");
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(client(new InetSocketAddress("192.0.2.50", 1234), "203.0.113.7")).isNull();
    }

    @Test
    void addressesWithPortsAndBracketedIpv6AreUnderstood() {
        assertThat(client(PROXY, "203.0.113.7:5555")).isEqualTo("203.0.113.7");
        assertThat(client(PROXY, "[2001:db8::1]:5555")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client(PROXY, "2001:db8::2")).isEqualTo("2001:db8:0:0:0:0:0:2");
    }

    @Test
    void aHopThatIsNotAnAddressMakesTheHeaderWorthless() {
        assertThat(client(PROXY, "203.0.113.7, unknown")).isNull();
        assertThat(client(PROXY, "evil.example")).isNull();
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertThat(client(PROXY, "10.0.0.5, 10.0.0.6")).isEqualTo("10.0.0.5");
    }

    @Test
    void rangesMatchByPrefixAndIpv4MappedAddressesCountAsIpv4() {
        assertThat(TRUSTED.contains(new InetSocketAddress("10.255.0.1", 0).getAddress())).isTrue();
        assertThat(TRUSTED.contains(new InetSocketAddress("11.0.0.1", 0).getAddress())).isFalse();
        assertThat(TRUSTED.contains(new InetSocketAddress("::ffff:127.0.0.1", 0).getAddress())).isTrue();
        assertThat(TRUSTED.contains(new InetSocketAddress("fd12::1", 0).getAddress())).isTrue();
        assertThat(TrustedProxies.of(List.of("192.168.1.0/25")).contains(
                new InetSocketAddress("192.168.1.200", 0).getAddress())).isFalse();
    }

    @Test
    void entriesThatAreNotAddressesAreRefused() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
