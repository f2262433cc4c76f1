package io.petrel.mqtt.framing;

import io.netty.handler.codec.DecoderException;

/** The cause of a decode failure that the framing stages found, as the protocol layer reads it. */
public final class PacketFaultException extends DecoderException {
    private static final long serialVersionUID = 1L;

    private final PacketFault fault;

    public PacketFaultException(PacketFault fault) {
        super(fault.description());
        this.fault = fault;
    }

    public PacketFault fault() {
        return fault;
    }

    /** No stack trace: the fault is the client's, and it says all there is to say. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
