package io.petrel.cli.client;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3DisconnectException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what the MQTT client library throws into a {@link ClientFailure}: words and an exit code. */
final class Failures {
    private Failures() {
    }

    /** A reason code as words, for example {@code not authorized (0x87)}. */
    static String words(Enum<?> code, int value) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (0x" + String.format("%02X", value) + ")";
    }

    static String words(Mqtt5ReasonCode code) {
        return words((Enum<?>) code, code.getCode());
    }

    /** The words with the server's reason string, unless the string only repeats them. */
    private static String withReason(String words, Optional<MqttUtf8String> reason) {
        String name = words.substring(0, words.lastIndexOf(" (0x"));
        return reason.map(Object::toString).filter(r -> !r.equalsIgnoreCase(name)).map(r -> words + ": " + r)
                .orElse(words);
    }

    /**
     * Waits for a CONNECT to be answered, a second longer than the client's own connect timeout, so that the
     * client reports its timeout first.
     *
     * @throws ClientFailure if the connection is refused, fails or is interrupted
     */
    static void awaitConnect(CompletableFuture<?> connected, Duration timeout, Endpoint endpoint)
            throws ClientFailure {
        try {
            connected.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientFailure(ExitCodes.ERROR, "interrupted");
        } catch (Exception e) {
            throw connect(e, endpoint);
        }
    }

    /** Describes a failure to connect. */
    static ClientFailure connect(Throwable thrown, Endpoint endpoint) {
        Throwable t = unwrap(thrown);
        if (t instanceof Mqtt5ConnAckException e) {
            return new ClientFailure(ExitCodes.CONNECTION_REFUSED, "connection refused: "
                    + withReason(words(e.getMqttMessage().getReasonCode()), e.getMqttMessage().getReasonString()));
        }
        if (t instanceof Mqtt3ConnAckException e) {
            var code = e.getMqttMessage().getReturnCode();
            return new ClientFailure(ExitCodes.CONNECTION_REFUSED, "connection refused: " + words(code, code.getCode()));
        }
        if (t instanceof TimeoutException) {
            return new ClientFailure(ExitCodes.UNREACHABLE, "no answer from " + endpoint + " in time");
        }
        if (t instanceof ConnectionFailedException) {
            return new ClientFailure(ExitCodes.UNREACHABLE, "cannot connect to " + endpoint + ": " + rootMessage(t));
        }
        if (t instanceof ConnectionClosedException || t instanceof Mqtt5DisconnectException
                || t instanceof Mqtt3DisconnectException) {
            return new ClientFailure(ExitCodes.UNREACHABLE, endpoint + " closed the connection while connecting: "
                    + lost(t));
        }
        return new ClientFailure(ExitCodes.ERROR, "cannot connect to " + endpoint + ": " + rootMessage(t));
    }

    /** Describes a lost connection: the broker's DISCONNECT reason if it sent one. */
    static String lost(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof Mqtt5DisconnectException e) {
            return "disconnected by the broker: "
                    + withReason(words(e.getMqttMessage().getReasonCode()), e.getMqttMessage().getReasonString());
        }
        if (t instanceof ConnectionClosedException) {
            return "the broker closed the connection";
        }
        return rootMessage(t);
    }

    /** Describes a refused publish or subscribe. */
    static ClientFailure rejected(Throwable thrown, String what) {
        Throwable t = unwrap(thrown);
        if (t instanceof Mqtt5PubAckException e) {
            return rejected(what, withReason(words(e.getMqttMessage().getReasonCode()),
                    e.getMqttMessage().getReasonString()));
        }
        if (t instanceof Mqtt5PubRecException e) {
            return rejected(what, withReason(words(e.getMqttMessage().getReasonCode()),
                    e.getMqttMessage().getReasonString()));
        }
        if (t instanceof Mqtt5SubAckException e) {
            return rejected(what, e.getMqttMessage().getReasonCodes().stream()
                    .filter(Mqtt5ReasonCode::isError).findFirst().map(Failures::words).orElse("refused"));
        }
        if (t instanceof Mqtt3SubAckException) {
            return rejected(what, "failure (0x80)");
        }
        return new ClientFailure(ExitCodes.ERROR, what + " failed: " + lost(t));
    }

    static ClientFailure rejected(String what, String reason) {
        return new ClientFailure(ExitCodes.REJECTED, what + " refused: " + reason);
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        boolean tls = t instanceof SSLException;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            tls |= root instanceof SSLException || root instanceof GeneralSecurityException;
        }
        String message = root.getMessage();
        message = message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
        return tls ? "TLS failed: " + message : message;
    }
}
