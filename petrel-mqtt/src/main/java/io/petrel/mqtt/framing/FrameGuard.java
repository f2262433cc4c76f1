package io.petrel.mqtt.framing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageFactory;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Stands on both sides of Netty's MQTT decoder, which {@link PacketFramer} hands one whole packet at a time.
 *
 * <p>The decoder reads wherever the lengths inside a packet send it. Where one points past the end of the
 * packet, it waits for more bytes instead of failing, and the connection would stall; behind the framer,
 * those bytes never come. So a packet the decoder has no answer to once it has the whole of it is malformed
 * ({@link PacketFault#TRUNCATED}), and the connection ends with 0x81 as for any other decode failure. The
 * decoder answers synchronously: its output has passed {@link #decoded()} before the packet's read returns.
 *
 * <p>Before the decoder sees a packet, {@link RawPacketCheck} looks at its bytes for what the decoder lets
 * pass; if the decoder accepts the packet, {@link #decoded()} turns it into a decode failure for that fault.
 * A fault the decoder finds itself comes first. After a failure, packets go through unexamined: the decoder
 * discards them, and the connection is closing.
 *
 * <p>Confined to the connection's event loop.
 */
public final class FrameGuard extends ChannelInboundHandlerAdapter {
    private final RawPacketCheck check = new RawPacketCheck();
    private final Decoded decoded = new Decoded();
    private int level;
    private @Nullable PacketFault fault;
    private boolean answered;
    private boolean failed;

    /** The stage that goes right after the decoder. */
    public ChannelHandler decoded() {
        return decoded;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (failed || !(msg instanceof ByteBuf packet) || !packet.isReadable()) {
            ctx.fireChannelRead(msg);
            return;
        }
        int first = packet.getUnsignedByte(packet.readerIndex());
        fault = check.check(packet, level);
        answered = false;
        ctx.fireChannelRead(packet);
        if (!answered && !failed) {
            failed = true;
            ctx.fireChannelRead(MqttMessageFactory.newInvalidMessage(fixedHeader(first), null,
                    new PacketFaultException(PacketFault.TRUNCATED)));
        }
    }

    /** The packet's type, for the protocol layer to answer a CONNECT in kind; null for none the decoder knows. */
    private static @Nullable MqttFixedHeader fixedHeader(int first) {
        int type = first >> 4;
        if (type == 0) {
            return null;
        }
        return new MqttFixedHeader(MqttMessageType.valueOf(type), false, MqttQoS.AT_MOST_ONCE, false, 0);
    }

    /** Sees what the decoder produced for the packet in it. */
    private final class Decoded extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!failed && msg instanceof MqttMessage packet) {
                answered = true;
                if (packet.decoderResult().isFailure()) {
                    failed = true;
                } else if (fault != null) {
                    failed = true;
                    MqttMessage invalid = MqttMessageFactory.newInvalidMessage(packet.fixedHeader(),
                            packet.variableHeader(), new PacketFaultException(fault));
                    ReferenceCountUtil.release(packet);
                    ctx.fireChannelRead(invalid);
                    return;
                } else if (packet instanceof MqttConnectMessage connect) {
                    level = connect.variableHeader().version();
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
