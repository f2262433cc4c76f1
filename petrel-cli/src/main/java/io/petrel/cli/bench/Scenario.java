package io.petrel.cli.bench;

import java.util.Locale;

/**
 * The shapes of load {@code petrel bench} generates: who publishes, who subscribes, and to what.
 * Topics and filters may contain {@code %i}, replaced by the client's number.
 */
enum Scenario {
    /** Publishers only, each to its own topic. */
    PUB(10, 0, "bench/pub/%i", ""),
    /** Subscribers only, for messages another process publishes. */
    SUB(0, 1, "", "bench/#"),
    /** Connections only: the connect rate, and connections held open. */
    CONN(1000, 0, "", ""),
    /** Many publishers, one subscriber to all their topics. */
    FANIN(100, 1, "bench/fanin/%i", "bench/fanin/#"),
    /** One publisher, many subscribers to its topic. */
    FANOUT(1, 100, "bench/fanout", "bench/fanout"),
    /** Pairs: publisher i to subscriber i, each on its own topic. */
    P2P(100, 100, "bench/p2p/%i", "bench/p2p/%i"),
    /** Publishers to a share group: each message goes to one member. */
    SHARED(10, 10, "bench/shared/%i", "$share/bench/bench/shared/#");

    private final int defaultPublishers;
    private final int defaultSubscribers;
    private final String defaultTopic;
    private final String defaultFilter;

    Scenario(int defaultPublishers, int defaultSubscribers, String defaultTopic, String defaultFilter) {
        this.defaultPublishers = defaultPublishers;
        this.defaultSubscribers = defaultSubscribers;
        this.defaultTopic = defaultTopic;
        this.defaultFilter = defaultFilter;
    }

    int defaultPublishers() {
        return defaultPublishers;
    }

    int defaultSubscribers() {
        return defaultSubscribers;
    }

    String defaultTopic() {
        return defaultTopic;
    }

    String defaultFilter() {
        return defaultFilter;
    }

    boolean publishes() {
        return this != SUB && this != CONN;
    }

    boolean subscribes() {
        return this != PUB && this != CONN;
    }

    /** Whether every subscriber shares one record of streams, since each message reaches only one of them. */
    boolean sharedStreams() {
        return this == SHARED;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String expand(String template, int index) {
        return template.replace("%i", Integer.toString(index));
    }
}
