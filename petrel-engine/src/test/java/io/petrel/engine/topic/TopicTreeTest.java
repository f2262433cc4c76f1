package io.petrel.engine.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.petrel.api.QoS;
import io.petrel.api.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicTreeTest {
    private final TopicTree<String> tree = new TopicTree<>();

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "sport/tennis/player1, sport/tennis/player1, true",
            "sport/tennis/player1, sport/tennis/player2, false",
            "sport/#, sport, true",
            "sport/#, sport/tennis/player1/ranking, true",
            "sport/tennis/#, sport/tennis, true",
            "sport/tennis/#, sport/football, false",
            "#, sport/tennis, true",
            "#, /, true",
            "sport/+, sport/tennis, true",
            "sport/+, sport, false",
            "sport/+, sport/, true",
            "sport/+, sport/tennis/player1, false",
            "sport/+/player1, sport/tennis/player1, true",
            "+/+, /finance, true",
            "/+, /finance, true",
            "+, /finance, false",
            "+/#, sport, true",
            "+/tennis/#, sport/tennis, true",
            "a//b, a//b, true",
            "a/+/b, a//b, true",
            "a/b, a/b/, false",
    })
    void matchesPerTheWildcardRules(String filter, String topic, boolean expected) {
        // MQTT 5 §4.7.1: '#' matches any number of levels, the parent level included; '+' exactly one level,
        // which may be empty.
        tree.subscribe(subscription("s", filter));
        assertThat(matches(topic)).as("%s against %s", filter, topic).isEqualTo(expected ? List.of("s") : List.of());
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
            "#, $SYS/broker/uptime, false",
            "+/broker/uptime, $SYS/broker/uptime, false",
            "+/#, $SYS, false",
            "$SYS/#, $SYS/broker/uptime, true",
            "$SYS/+/uptime, $SYS/broker/uptime, true",
            "$SYS, $SYS, true",
            "a/#, a/$b, true",
            "+/$b, a/$b, true",
    })
    void leadingWildcardsNeverMatchDollarTopics(String filter, String topic, boolean expected) {
        // [MQTT-4.7.2-1] a filter starting with a wildcard does not match a topic name starting with '$'.
        tree.subscribe(subscription("s", filter));
        assertThat(matches(topic)).isEqualTo(expected ? List.of("s") : List.of());
    }

    @Test
    void reportsEachMatchingFilterOfASubscriber() {
        tree.subscribe(subscription("s", "a/b"));
        tree.subscribe(subscription("s", "a/+"));
        tree.subscribe(subscription("s", "#"));
        tree.subscribe(subscription("t", "a/#"));
        tree.subscribe(subscription("u", "b/#"));

        assertThat(matches("a/b")).containsExactlyInAnyOrder("s", "s", "s", "t");
    }

    @Test
    void aNewSubscriptionToTheSameFilterReplacesTheOld() {
        // [MQTT-3.8.4-3] the same filter from the same session replaces the subscription.
        assertThat(tree.subscribe(new Subscription<>("s", TopicFilter.parse("a/+"), SubscriptionOptions.v3(QoS.AT_MOST_ONCE), 1)))
                .isFalse();
        assertThat(tree.subscribe(new Subscription<>("s", TopicFilter.parse("a/+"), SubscriptionOptions.v3(QoS.EXACTLY_ONCE), 2)))
                .isTrue();

        List<Subscription<String>> found = new ArrayList<>();
        tree.match("a/b", visitor(found, new ArrayList<>()));
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.options().qos()).isEqualTo(QoS.EXACTLY_ONCE);
            assertThat(s.subscriptionId()).isEqualTo(2);
        });
        assertThat(tree.size()).isEqualTo(1);
    }

    @Test
    void unsubscribeRemovesOnlyThatSubscriberAndFilter() {
        tree.subscribe(subscription("s", "a/+"));
        tree.subscribe(subscription("s", "a/b"));
        tree.subscribe(subscription("t", "a/+"));

        assertThat(tree.unsubscribe("s", TopicFilter.parse("a/+"))).isTrue();
        assertThat(tree.unsubscribe("s", TopicFilter.parse("a/+"))).isFalse();
        assertThat(tree.unsubscribe("s", TopicFilter.parse("x/y/z"))).isFalse();

        assertThat(matches("a/b")).containsExactlyInAnyOrder("s", "t");
        assertThat(tree.size()).isEqualTo(2);
    }

    @Test
    void unsubscribingTheLastFilterPrunesEmptyBranches() {
        tree.subscribe(subscription("s", "a/b/c/d"));
        tree.subscribe(subscription("s", "a/x"));
        tree.subscribe(subscription("t", "$share/g/a/b/#"));

        tree.unsubscribe("s", TopicFilter.parse("a/b/c/d"));
        assertThat(tree.nodeCount()).as("a, a/x, a/b, a/b/#").isEqualTo(4);
        tree.unsubscribe("t", TopicFilter.parse("$share/g/a/b/#"));
        assertThat(tree.nodeCount()).as("a, a/x").isEqualTo(2);
        tree.unsubscribe("s", TopicFilter.parse("a/x"));
        assertThat(tree.nodeCount()).isZero();
        assertThat(tree.size()).isZero();
        assertThat(matches("a/b/c/d")).isEmpty();
    }

    @Test
    void aShareGroupIsReportedOnceWhateverItsSize() {
        tree.subscribe(subscription("s", "$share/g/a/#"));
        tree.subscribe(subscription("t", "$share/g/a/#"));
        tree.subscribe(subscription("u", "$share/h/a/#"));
        tree.subscribe(subscription("v", "a/#"));

        List<Subscription<String>> plain = new ArrayList<>();
        List<SharedGroup<String>> groups = new ArrayList<>();
        tree.match("a/b", visitor(plain, groups));

        assertThat(plain).extracting(Subscription::subscriber).containsExactly("v");
        assertThat(groups).extracting(SharedGroup::name).containsExactlyInAnyOrder("g", "h");
        SharedGroup<String> g = groups.stream().filter(x -> x.name().equals("g")).findFirst().orElseThrow();
        assertThat(g.members()).extracting(Subscription::subscriber).containsExactlyInAnyOrder("s", "t");
        assertThat(tree.size()).isEqualTo(4);
        assertThat(tree.sharedSize()).isEqualTo(3);
    }

    @Test
    void aSharedFilterNeverMatchesDollarTopicsWithALeadingWildcard() {
        // [MQTT-4.7.2-1] applies to the filter after the share name.
        tree.subscribe(subscription("s", "$share/g/#"));
        List<SharedGroup<String>> groups = new ArrayList<>();
        tree.match("$SYS/broker/uptime", visitor(new ArrayList<>(), groups));
        assertThat(groups).isEmpty();
    }

    @Test
    void leavingAShareGroupKeepsTheOtherMembers() {
        tree.subscribe(subscription("s", "$share/g/a"));
        tree.subscribe(subscription("t", "$share/g/a"));

        assertThat(tree.unsubscribe("s", TopicFilter.parse("$share/g/a"))).isTrue();
        assertThat(tree.unsubscribe("s", TopicFilter.parse("a"))).as("not an ordinary subscriber").isFalse();

        List<SharedGroup<String>> groups = new ArrayList<>();
        tree.match("a", visitor(new ArrayList<>(), groups));
        assertThat(groups).singleElement()
                .satisfies(g -> assertThat(g.members()).extracting(Subscription::subscriber).containsExactly("t"));
    }

    private static Subscription<String> subscription(String subscriber, String filter) {
        return new Subscription<>(subscriber, TopicFilter.parse(filter), SubscriptionOptions.v3(QoS.AT_MOST_ONCE), 0);
    }

    private List<String> matches(String topic) {
        List<Subscription<String>> found = new ArrayList<>();
        tree.match(topic, visitor(found, new ArrayList<>()));
        return found.stream().map(Subscription::subscriber).toList();
    }

    private static MatchVisitor<String> visitor(List<Subscription<String>> plain, List<SharedGroup<String>> groups) {
        return new MatchVisitor<>() {
            @Override
            public void onSubscription(Subscription<String> subscription) {
                plain.add(subscription);
            }

            @Override
            public void onSharedGroup(SharedGroup<String> group) {
                groups.add(group);
            }
        };
    }
}
