package io.petrel.mqtt.transport.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the client in an {@code X-Forwarded-For} header. Each proxy appends the address it received the request
 * from, so the header is read from the right, skipping trusted proxies; the first untrusted address is the
 * client. Entries to its left were written by the client itself and prove nothing.
 */
public final class ForwardedFor {
    private ForwardedFor() {
    }

    /**
     * The client address, or null to keep the socket's peer: when the peer is not trusted, when there is no
     * header, or when the header holds something other than IP addresses.
     *
     * @param peer the address the connection came from
     * @param header the {@code X-Forwarded-For} value, or null
     */
    public static @Nullable InetSocketAddress client(InetSocketAddress peer, @Nullable String header,
            TrustedProxies trusted) {
        if (header == null || trusted.isEmpty() || !trusted.contains(peer.getAddress())) {
            return null;
        }
        String[] hops = header.split(",");
        InetAddress client = null;
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = address(hops[i]);
            if (hop == null) {
                return null;
            }
            client = hop;
            if (!trusted.contains(hop)) {
                break;
            }
        }
        // No port travels in the header; 0 says so rather than borrowing the proxy's.
        return client == null ? null : new InetSocketAddress(client, 0);
    }

    private static @Nullable InetAddress address(String hop) {
        byte[] bytes = TrustedProxies.parse(stripPort(hop.trim()));
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Some proxies write {@code 203.0.113.7:41234} or {@code [2001:db8::1]:41234}. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
