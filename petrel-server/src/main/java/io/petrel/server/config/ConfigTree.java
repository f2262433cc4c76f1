package io.petrel.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The raw configuration as a tree of sections and values, before any value is checked. */
final class ConfigTree {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectNode root;

    private ConfigTree(ObjectNode root) {
        this.root = root;
    }

    static ConfigTree empty() {
        return new ConfigTree(JsonNodeFactory.instance.objectNode());
    }

    /** Merges a YAML file over this tree: its sections merge, its values replace. */
    void mergeYaml(Path file) {
        JsonNode parsed;
        try {
            parsed = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file);
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration file " + file + " is not valid YAML: "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
            return;
        }
        if (!parsed.isObject()) {
            throw new ConfigException("configuration file " + file + " must be a YAML mapping of keys to values");
        }
        merge(root, (ObjectNode) parsed, "");
    }

    private static void merge(ObjectNode target, ObjectNode source, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingSection && entry.getValue() instanceof ObjectNode section) {
                merge(existingSection, section, prefix + entry.getKey() + ".");
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Sets a value at a dotted path, creating sections on the way. */
    void set(String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode section = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = section.get(parts[i]);
            if (next == null || next.isNull()) {
                next = section.putObject(parts[i]);
            } else if (!next.isObject()) {
                throw new ConfigException(String.join(".", List.of(parts).subList(0, i + 1))
                        + " is a value, so " + path + " cannot be set");
            }
            section = (ObjectNode) next;
        }
        section.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    /** The node at a dotted path, or null. */
    @Nullable JsonNode get(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    /** The entry names of a section, such as the listener names under {@code listeners}. */
    Set<String> names(String path) {
        JsonNode section = get(path);
        Set<String> names = new LinkedHashSet<>();
        if (section != null && section.isObject()) {
            section.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The dotted path of every value in the tree. Lists count as one value. */
    List<String> valuePaths() {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        if (!node.isObject()) {
            paths.add(prefix);
            return;
        }
        node.fields().forEachRemaining(e -> collect(e.getValue(), prefix.isEmpty() ? e.getKey()
                : prefix + "." + e.getKey(), paths));
    }
}
