package dev.orrery.internal.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The payload of a HELLO frame: what each side tells the other before any call.
 *
 * @param version         the protocol version: the highest the client speaks, or the one the server chose
 * @param minVersion      the lowest version the sender speaks
 * @param features        feature bits, see {@link #FEATURE_MSGPACK} and friends
 * @param maxFrameSize    the largest frame the sender accepts, length prefix excluded
 * @param maxInFlight     how many calls the sender accepts at once from this peer on this connection
 * @param pingIntervalMillis how often the sender pings an idle connection
 * @param identity        who the sender is, for logs: node name, host and process id
 */
public record Hello(int version, int minVersion, int features, int maxFrameSize, int maxInFlight,
                    int pingIntervalMillis, String identity) {

    /** The protocol version this code speaks. */
    public static final int VERSION = 1;
    /** The sender decodes and encodes MessagePack payloads. */
    public static final int FEATURE_MSGPACK = 1;
    /** The sender decodes and encodes JSON payloads. */
    public static final int FEATURE_JSON = 1 << 1;
    /** Feature bit: the peer takes topic flows (SUBSCRIBE, PUBLISH, UNSUBSCRIBE, ACK). */
    public static final int FEATURE_TOPICS = 1 << 2;
    /** The features this implementation announces. */
    public static final int FEATURES = FEATURE_MSGPACK | FEATURE_JSON | FEATURE_TOPICS;
    /** The longest identity sent; longer ones are cut. */
    public static final int MAX_IDENTITY = 1024;

    /**
     * Encodes the payload.
     *
     * @return the bytes
     */
    public byte[] encode() {
        byte[] id = Utf8.bounded(identity, MAX_IDENTITY);
        int idLength = id.length;
        ByteBuffer buffer = ByteBuffer.allocate(2 + 2 + 4 + 4 + 4 + 4 + 2 + idLength);
        buffer.putShort((short) version).putShort((short) minVersion).putInt(features).putInt(maxFrameSize)
                .putInt(maxInFlight).putInt(pingIntervalMillis).putShort((short) idLength).put(id, 0, idLength);
        return buffer.array();
    }

    /**
     * Decodes a HELLO payload.
     *
     * @param frame the HELLO frame
     * @return the hello
     * @throws WireException when it is malformed
     */
    public static Hello decode(Frame frame) throws WireException {
        ByteBuffer buffer = frame.payloadBuffer();
        if (buffer.remaining() < 22) {
            throw new WireException("HELLO payload of " + buffer.remaining() + " bytes is shorter than 22");
        }
        int version = buffer.getShort() & 0xFFFF;
        int minVersion = buffer.getShort() & 0xFFFF;
        int features = buffer.getInt();
        int maxFrameSize = buffer.getInt();
        int maxInFlight = buffer.getInt();
        int ping = buffer.getInt();
        int idLength = buffer.getShort() & 0xFFFF;
        if (idLength != buffer.remaining() || idLength > MAX_IDENTITY) {
            throw new WireException("HELLO identity length " + idLength + " does not match the "
                    + buffer.remaining() + " bytes left (at most " + MAX_IDENTITY + ")");
        }
        if (maxFrameSize < 12 || maxInFlight < 0 || ping < 0 || minVersion > version) {
            throw new WireException("HELLO has impossible values: maxFrameSize " + maxFrameSize + ", maxInFlight "
                    + maxInFlight + ", ping " + ping + " ms, versions " + minVersion + ".." + version);
        }
        byte[] id = new byte[idLength];
        buffer.get(id);
        return new Hello(version, minVersion, features, maxFrameSize, maxInFlight, ping,
                new String(id, StandardCharsets.UTF_8));
    }
}
