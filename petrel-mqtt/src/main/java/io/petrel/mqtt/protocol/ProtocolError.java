package io.petrel.mqtt.protocol;

import io.petrel.api.auth.AuthResult;
import io.petrel.engine.session.DisconnectCause;
import io.petrel.platform.api.ReasonCode;

/**
 * Every reason the server refuses a CONNECT or ends a connection, with its MQTT 5 reason code and its
 * MQTT 3 CONNACK return code. This is the only place where errors meet reason codes. Each constant is also a
 * counter name: every occurrence is counted under it.
 */
public enum ProtocolError {
    // CONNECT refusals: MQTT 3 answers with a CONNACK return code where one exists; -1 means it cannot.
    UNSUPPORTED_PROTOCOL_VERSION(0x84, 1, "unsupported protocol name or level"),
    CLIENT_IDENTIFIER_NOT_VALID(0x85, 2, "client identifier not valid"),
    // MQTT 3.1.1 return code 4 means "the data in the user name or password is malformed"; wrong credentials are
    // 5, "not authorized", as Mosquitto and ThingsBoard answer them (device-api.md §1.5).
    BAD_USERNAME_OR_PASSWORD(0x86, 5, "bad user name or password"),
    // device-api.md §1.5: no user name, and no device has the client id as its credentials.
    UNKNOWN_CLIENT_IDENTIFIER(0x85, 2, "no user name, and the client identifier is not a known credential"),
    NOT_AUTHORIZED(0x87, 5, "not authorized"),
    SERVER_UNAVAILABLE(0x88, 3, "server unavailable"),
    BAD_AUTHENTICATION_METHOD(0x8C, 5, "enhanced authentication is not supported"),
    WILL_TOPIC_INVALID(0x90, -1, "will topic not valid"),
    WILL_PAYLOAD_FORMAT_INVALID(0x99, -1, "will payload is not valid UTF-8"),
    // MQTT 3 has no code for these; "server unavailable" tells the client to come back later.
    CONNECTION_RATE_EXCEEDED(0x9F, 3, "connection rate exceeded"),
    CONNECTION_QUOTA_EXCEEDED(0x97, 3, "connection limit reached"),

    // Bad input: the connection ends, with a DISCONNECT for MQTT 5 clients once CONNECT was accepted.
    MALFORMED_PACKET(0x81, -1, "malformed packet"),
    MALFORMED_REMAINING_LENGTH(0x81, -1, "malformed remaining length"),
    RESERVED_FLAGS(0x81, -1, "reserved flags not as the specification requires"),
    INVALID_UTF8(0x81, -1, "string is not well-formed UTF-8 or contains U+0000"),
    TRUNCATED_PACKET(0x81, -1, "a length inside the packet runs past its end"),
    PROPERTY_NOT_ALLOWED(0x81, -1, "a property not valid for the packet type"),
    DUPLICATE_PROPERTY(0x82, -1, "a property included more than once"),
    PROTOCOL_ERROR(0x82, -1, "protocol error"),
    PACKET_ID_ZERO(0x82, -1, "packet identifier 0"),
    SUBSCRIPTION_OPTIONS_INVALID(0x82, -1, "maximum QoS or retain handling of 3"),
    SECOND_CONNECT(0x82, -1, "second CONNECT on one connection"),
    FIRST_PACKET_NOT_CONNECT(0x82, -1, "first packet was not CONNECT"),
    TOPIC_NAME_INVALID(0x90, -1, "topic name not valid"),
    RESPONSE_TOPIC_INVALID(0x82, -1, "response topic not valid"),
    TOPIC_ALIAS_INVALID(0x94, -1, "topic alias not valid"),
    RECEIVE_MAXIMUM_EXCEEDED(0x93, -1, "receive maximum exceeded"),
    PACKET_TOO_LARGE(0x95, -1, "packet too large"),
    PAYLOAD_FORMAT_INVALID(0x99, -1, "payload is not valid UTF-8"),
    RETAIN_NOT_SUPPORTED(0x9A, -1, "retain not supported"),
    QUOTA_EXCEEDED(0x97, -1, "quota exceeded"),
    TOPIC_LIMIT_EXCEEDED(0x90, -1, "topic longer or deeper than the server allows"),
    RETAINED_QUOTA_EXCEEDED(0x97, -1, "the organization's retained message limit is reached"),
    KEEP_ALIVE_TIMEOUT(0x8D, -1, "keep alive timeout"),
    CONNECT_TIMEOUT(0x8D, -1, "no CONNECT in time"),

    // Server decisions.
    SESSION_TAKEN_OVER(0x8E, -1, "session taken over"),
    SERVER_SHUTTING_DOWN(0x8B, -1, "server shutting down"),
    ADMINISTRATIVE_ACTION(0x98, -1, "administrative action"),
    // Device sessions (device-api.md §2.2, §17): what the device platform decides.
    DEVICE_SESSION_ENDED(0x00, -1, "the device session is over"),
    UNSPECIFIED_ERROR(0x80, -1, "unspecified error"),
    IMPLEMENTATION_SPECIFIC_ERROR(0x83, -1, "the device API could not handle the message"),
    DEVICE_TOPIC_FILTER_INVALID(0x8F, -1, "topic filter not valid for a device"),
    DEVICE_TOPIC_NAME_INVALID(0x90, -1, "not a topic this session may publish to"),
    DEVICE_PAYLOAD_INVALID(0x99, -1, "payload not valid for its device API topic"),
    QOS_NOT_SUPPORTED(0x9B, -1, "QoS not supported"),
    DEVICE_SESSION_IDLE(0xA0, -1, "no traffic within the session inactivity timeout"),
    DEVICE_PAYLOAD_TOO_LARGE(0x95, -1, "payload larger than the device API accepts"),
    // The credential the connection was authorized with expired: "maximum connect time" tells the client
    // to renew it and reconnect, where "not authorized" would read as a permanent refusal.
    CREDENTIALS_EXPIRED(0xA0, -1, "credentials expired");

    private final int reasonCode;
    private final int returnCode;
    private final String description;

    ProtocolError(int reasonCode, int returnCode, String description) {
        this.reasonCode = reasonCode;
        this.returnCode = returnCode;
        this.description = description;
    }

    /** The MQTT 5 reason code, for CONNACK or DISCONNECT. */
    public int reasonCode() {
        return reasonCode;
    }

    /** The MQTT 3 CONNACK return code, or -1 where MQTT 3 can only close the connection. */
    public int returnCode() {
        return returnCode;
    }

    /** A short description, used as the MQTT 5 reason string and in logs. */
    public String description() {
        return description;
    }

    /**
     * Whether the server tells an MQTT 5 client with a DISCONNECT before closing. A connection whose first
     * packet was not CONNECT, or that never sent CONNECT, gets no DISCONNECT [MQTT-3.14.0-1]: the client has
     * not agreed on a protocol version yet.
     */
    public boolean sendsDisconnect() {
        return this != FIRST_PACKET_NOT_CONNECT && this != CONNECT_TIMEOUT;
    }

    /** The error for an engine decision to end a connection. */
    public static ProtocolError of(DisconnectCause cause) {
        return switch (cause) {
            case SESSION_TAKEN_OVER -> SESSION_TAKEN_OVER;
            case SERVER_SHUTTING_DOWN -> SERVER_SHUTTING_DOWN;
            case ADMINISTRATIVE_ACTION -> ADMINISTRATIVE_ACTION;
        };
    }

    /** The error for the device platform's decision to refuse or end a device session. */
    public static ProtocolError of(ReasonCode reason) {
        return switch (reason) {
            case SUCCESS, NO_SUBSCRIPTION_EXISTED -> DEVICE_SESSION_ENDED;
            case UNSPECIFIED_ERROR -> UNSPECIFIED_ERROR;
            case IMPLEMENTATION_SPECIFIC_ERROR -> IMPLEMENTATION_SPECIFIC_ERROR;
            case NOT_AUTHORIZED -> NOT_AUTHORIZED;
            case SESSION_TAKEN_OVER -> SESSION_TAKEN_OVER;
            case TOPIC_FILTER_INVALID -> DEVICE_TOPIC_FILTER_INVALID;
            case TOPIC_NAME_INVALID -> DEVICE_TOPIC_NAME_INVALID;
            case QUOTA_EXCEEDED -> QUOTA_EXCEEDED;
            case ADMINISTRATIVE_ACTION -> ADMINISTRATIVE_ACTION;
            case PAYLOAD_FORMAT_INVALID -> DEVICE_PAYLOAD_INVALID;
            case QOS_NOT_SUPPORTED -> QOS_NOT_SUPPORTED;
            case MAXIMUM_CONNECT_TIME -> DEVICE_SESSION_IDLE;
        };
    }

    /** The error for an authenticator's refusal. */
    public static ProtocolError of(AuthResult.Refusal refusal) {
        return switch (refusal) {
            case BAD_CREDENTIALS -> BAD_USERNAME_OR_PASSWORD;
            case IDENTIFIER_REJECTED -> UNKNOWN_CLIENT_IDENTIFIER;
            case NOT_AUTHORIZED -> NOT_AUTHORIZED;
            case SERVER_UNAVAILABLE -> SERVER_UNAVAILABLE;
            case RATE_LIMITED -> CONNECTION_RATE_EXCEEDED;
            case QUOTA_EXCEEDED -> CONNECTION_QUOTA_EXCEEDED;
        };
    }
}
