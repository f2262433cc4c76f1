package io.petrel.mqtt.framing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into whole MQTT packets by their fixed header, so that the decoder behind it is handed
 * one packet at a time and can never take bytes of the next one for its own. Each packet is a retained slice of
 * what was read: nothing is copied.
 *
 * <p>What cannot be framed goes on as it is, for the decoder to reject in its own terms: a remaining length
 * that does not end within four bytes [MQTT-1.5.5-1], or one larger than the maximum packet size, which is
 * refused before a byte of it is buffered. The decoder then discards everything, so nothing after that is
 * handed on.
 */
public final class PacketFramer extends ByteToMessageDecoder {
    private final int maxPacketSize;
    private boolean unframed;

    public PacketFramer(int maxPacketSize) {
        this.maxPacketSize = maxPacketSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (unframed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        long remaining = VariableByteInteger.read(in, start + 1, in.writerIndex());
        if (remaining == VariableByteInteger.INCOMPLETE) {
            return;
        }
        if (remaining == VariableByteInteger.MALFORMED || VariableByteInteger.value(remaining) > maxPacketSize) {
            unframed = true;
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        int size = 1 + VariableByteInteger.length(remaining) + VariableByteInteger.value(remaining);
        if (in.readableBytes() >= size) {
            out.add(in.readRetainedSlice(size));
        }
    }
}
