package io.petrel.server.config;

import java.util.regex.Pattern;

/** Recognizes IP addresses and CIDR ranges in configuration values, without resolving names. */
final class AddressRanges {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*(/(12[0-8]|1[01]\\d|\\d?\\d))?");

    private AddressRanges() {
    }

    /** Whether a value is an IPv4 or IPv6 address, with an optional prefix length. */
    static boolean isValid(String value) {
        return IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
    }

    /** Whether a bind address is the loopback interface, where anonymous access is safe by default. */
    static boolean isLoopback(String bind) {
        return bind.equals("localhost") || bind.startsWith("127.") || bind.equals("::1") || bind.equals("[::1]");
    }
}
