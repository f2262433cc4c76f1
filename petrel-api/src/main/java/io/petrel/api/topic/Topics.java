package io.petrel.api.topic;

/**
 * Validation and matching of topic names and filters. Matching here walks one filter against one topic; the
 * broker's subscription index does the same for many filters at once.
 */
public final class Topics {
    /** The longest topic or filter the UTF-8 string encoding can carry. */
    public static final int MAX_LENGTH = 65_535;

    private Topics() {
    }

    /**
     * Whether a string is a valid topic name for a PUBLISH: at least one character [MQTT-4.7.3-1], no
     * wildcard characters [MQTT-3.3.2-2] and no U+0000 [MQTT-4.7.3-2].
     */
    public static boolean isValidTopicName(String topic) {
        if (topic.isEmpty() || topic.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string is a valid topic filter: at least one character [MQTT-4.7.3-1], {@code #} only as the
     * whole last level [MQTT-4.7.1-1], {@code +} only as a whole level [MQTT-4.7.1-2], no U+0000.
     */
    public static boolean isValidFilter(String filter) {
        int length = filter.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = filter.charAt(i);
            boolean levelStart = i == 0 || filter.charAt(i - 1) == '/';
            boolean levelEnd = i == length - 1 || filter.charAt(i + 1) == '/';
            if (c == '#' && (!levelStart || i != length - 1)) {
                return false;
            }
            if (c == '+' && (!levelStart || !levelEnd)) {
                return false;
            }
            if (c == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a filter contains a wildcard level. */
    public static boolean hasWildcard(String filter) {
        return filter.indexOf('+') >= 0 || filter.indexOf('#') >= 0;
    }

    /**
     * Whether a valid filter matches a valid topic name. {@code #} also matches the parent level
     * (MQTT 5 §4.7.1.2), and a filter that starts with a wildcard never matches a topic that starts with
     * {@code $} [MQTT-4.7.2-1].
     */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        int f = 0;
        int t = 0;
        int fl = filter.length();
        int tl = topic.length();
        while (f < fl) {
            int fEnd = levelEnd(filter, f);
            if (fEnd - f == 1 && filter.charAt(f) == '#') {
                return true;
            }
            if (t > tl) {
                return false;
            }
            int tEnd = levelEnd(topic, t);
            boolean plus = fEnd - f == 1 && filter.charAt(f) == '+';
            if (!plus && !filter.regionMatches(f, topic, t, Math.max(fEnd - f, tEnd - t))) {
                return false;
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
        return t > tl;
    }

    /**
     * Whether every topic that {@code inner} matches is also matched by {@code outer}: the test a
     * subscription must pass against an allowed filter. {@code a/+/c} covers {@code a/b/c}; {@code a/#}
     * covers {@code a/b/#} and {@code a}; {@code #} covers every filter except those that start with
     * {@code $}, which a leading wildcard never matches [MQTT-4.7.2-1].
     */
    public static boolean covers(String outer, String inner) {
        String[] o = outer.split("/", -1);
        String[] in = inner.split("/", -1);
        if (in[0].startsWith("$") && (o[0].equals("+") || o[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < in.length; i++) {
            if (i >= o.length) {
                return false;
            }
            if (o[i].equals("#")) {
                return true;
            }
            if (in[i].equals("#")) {
                return false;
            }
            if (!o[i].equals("+") && (in[i].equals("+") || !o[i].equals(in[i]))) {
                return false;
            }
        }
        // The inner filter ended; "a/#" also matches the parent "a" [MQTT-4.7.1-2].
        return o.length == in.length || o.length == in.length + 1 && o[in.length].equals("#");
    }

    /**
     * Whether some topic name matches both filters: the test a subscription must pass against a deny rule.
     */
    public static boolean overlaps(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        boolean wildFirstX = x[0].equals("+") || x[0].equals("#");
        boolean wildFirstY = y[0].equals("+") || y[0].equals("#");
        if (x[0].startsWith("$") && wildFirstY || y[0].startsWith("$") && wildFirstX) {
            return false;
        }
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (x[i].equals("#") || y[i].equals("#")) {
                return true;
            }
            if (!x[i].equals("+") && !y[i].equals("+") && !x[i].equals(y[i])) {
                return false;
            }
        }
        if (x.length == y.length) {
            return true;
        }
        // One filter is longer: they still meet on the shorter one's topics if the longer continues with '#'.
        String[] longer = x.length > y.length ? x : y;
        return longer.length == n + 1 && longer[n].equals("#");
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }
}
