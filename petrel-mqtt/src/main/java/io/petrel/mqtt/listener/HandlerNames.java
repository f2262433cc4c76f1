package io.petrel.mqtt.listener;

/**
 * The names of the stages of an MQTT pipeline, in the order bytes flow in. {@link MqttChannelInitializer} puts
 * them together; a listener uses the ones its kind needs.
 */
public final class HandlerNames {
    /** Refuses connections without a PROXY protocol signature, then decodes the header (listeners that expect one). */
    public static final String PROXY_DECODER = "proxyDecoder";
    /** Takes the client address from the PROXY protocol header. */
    public static final String PROXY_ADDRESS = "proxyAddress";
    /** TLS, on tls and wss listeners. */
    public static final String TLS = "tls";
    /** Records the client certificate, or ends a failed handshake quietly. */
    public static final String TLS_HANDSHAKE = "tlsHandshake";
    /** HTTP/1.1, until the WebSocket handshake replaces it with the frame codec. */
    public static final String HTTP_CODEC = "httpCodec";
    /** Collects the handshake request into one message. */
    public static final String HTTP_AGGREGATOR = "httpAggregator";
    /** The WebSocket handshake, ping/pong, close and the frame size limit. */
    public static final String WEBSOCKET = "webSocket";
    /** 404 for other paths, 400 for a malformed handshake. */
    public static final String HTTP_FALLBACK = "httpFallback";
    /** Takes the client address from a trusted proxy's X-Forwarded-For. */
    public static final String FORWARDED_FOR = "forwardedFor";
    /** Binary frames in, MQTT bytes out. */
    public static final String WEBSOCKET_FRAMES_IN = "webSocketFramesIn";
    /** MQTT bytes in, binary frames out. */
    public static final String WEBSOCKET_FRAMES_OUT = "webSocketFramesOut";
    /** Counts bytes in and out. */
    public static final String TRAFFIC = "traffic";
    /** Cuts the byte stream into whole packets by their fixed header. */
    public static final String FRAMER = "mqttFramer";
    /** Hands the decoder one packet; a packet it cannot finish within its own bytes is malformed. */
    public static final String FRAME_GUARD = "mqttFrameGuard";
    /** Decodes MQTT packets with Petrel's limits. */
    public static final String DECODER = "mqttDecoder";
    /** Turns a packet the decoder accepted but the frame guard found at fault into a decode failure. */
    public static final String DECODE_CHECK = "mqttDecodeCheck";
    /** Encodes MQTT packets. */
    public static final String ENCODER = "mqttEncoder";
    /** Hands packets to the protocol handlers. */
    public static final String DISPATCHER = "mqttDispatcher";

    private HandlerNames() {
    }
}
