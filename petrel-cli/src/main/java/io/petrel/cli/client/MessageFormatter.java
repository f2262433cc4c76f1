package io.petrel.cli.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Prints a received message the way {@code petrel sub} was asked to: the payload alone, {@code -v} topic
 * and payload, a {@code -F} format string with mosquitto_sub's codes, or one JSON object per line.
 */
final class MessageFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final @Nullable String format;
    private final boolean verbose;
    private final boolean json;

    MessageFormatter(@Nullable String format, boolean verbose, boolean json) {
        this.format = format;
        this.verbose = verbose;
        this.json = json;
    }

    /** The text for one message, without the line end. */
    String format(ReceivedMessage message) {
        if (json) {
            return json(message);
        }
        if (format != null) {
            return custom(format, message);
        }
        String payload = text(message.payload());
        return verbose ? message.topic() + " " + payload : payload;
    }

    private static String custom(String format, ReceivedMessage message) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char e = format.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case '0' -> "\0";
                    case 'e' -> "\u001b";
                    case '\\' -> "\\";
                    default -> "\\" + e;
                });
            } else if (c == '%' && i + 1 < format.length()) {
                char code = format.charAt(++i);
                out.append(field(code, message));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String field(char code, ReceivedMessage message) {
        MessageOptions.Properties p = message.properties();
        return switch (code) {
            case 't' -> message.topic();
            case 'p' -> text(message.payload());
            case 'x' -> HexFormat.of().formatHex(message.payload());
            case 'l' -> Integer.toString(message.payload().length);
            case 'q' -> Integer.toString(message.qos());
            case 'r' -> message.retain() ? "1" : "0";
            case 'j' -> json(message);
            case 'I' -> Instant.ofEpochMilli(message.receivedAtMillis()).toString();
            case 'U' -> String.format("%d.%03d", message.receivedAtMillis() / 1000, message.receivedAtMillis() % 1000);
            case 'C' -> p.contentType() == null ? "" : p.contentType();
            case 'D' -> p.correlationData() == null ? "" : text(p.correlationData());
            case 'E' -> p.messageExpiry() == null ? "" : Long.toString(p.messageExpiry());
            case 'R' -> p.responseTopic() == null ? "" : p.responseTopic();
            case 'P' -> String.join(" ", p.userProperties().stream().map(u -> u.name() + ":" + u.value()).toList());
            case '%' -> "%";
            default -> "%" + code;
        };
    }

    private static String json(ReceivedMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tst", Instant.ofEpochMilli(message.receivedAtMillis()).toString());
        node.put("topic", message.topic());
        node.put("qos", message.qos());
        node.put("retain", message.retain());
        node.put("payloadlen", message.payload().length);
        String utf8 = utf8(message.payload());
        if (utf8 != null) {
            node.put("payload", utf8);
        } else {
            node.put("payload_base64", Base64.getEncoder().encodeToString(message.payload()));
        }
        MessageOptions.Properties p = message.properties();
        if (!p.isEmpty()) {
            ObjectNode properties = node.putObject("properties");
            if (p.payloadUtf8()) {
                properties.put("payload-format-indicator", 1);
            }
            if (p.messageExpiry() != null) {
                properties.put("message-expiry-interval", p.messageExpiry());
            }
            if (p.contentType() != null) {
                properties.put("content-type", p.contentType());
            }
            if (p.responseTopic() != null) {
                properties.put("response-topic", p.responseTopic());
            }
            if (p.correlationData() != null) {
                String text = utf8(p.correlationData());
                if (text != null) {
                    properties.put("correlation-data", text);
                } else {
                    properties.put("correlation-data-base64", Base64.getEncoder().encodeToString(p.correlationData()));
                }
            }
            if (!p.userProperties().isEmpty()) {
                ArrayNode user = properties.putArray("user-properties");
                for (MessageOptions.UserProperty u : p.userProperties()) {
                    user.addObject().put("name", u.name()).put("value", u.value());
                }
            }
        }
        return node.toString();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
