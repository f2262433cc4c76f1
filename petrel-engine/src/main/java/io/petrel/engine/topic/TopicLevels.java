package io.petrel.engine.topic;

import java.util.ArrayList;
import java.util.List;

/** Splits topic names and filters into levels. Unlike {@link String#split}, it keeps empty levels. */
public final class TopicLevels {
    private TopicLevels() {
    }

    /** The levels of a topic or filter: {@code "a//b/"} gives {@code ["a", "", "b", ""]}. */
    public static String[] split(String topic) {
        int from = 0;
        int slash = topic.indexOf('/');
        if (slash < 0) {
            return new String[] {topic};
        }
        List<String> levels = new ArrayList<>(8);
        while (slash >= 0) {
            levels.add(topic.substring(from, slash));
            from = slash + 1;
            slash = topic.indexOf('/', from);
        }
        levels.add(topic.substring(from));
        return levels.toArray(new String[0]);
    }
}
