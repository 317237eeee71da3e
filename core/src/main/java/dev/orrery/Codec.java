package dev.orrery;

/**
 * How the arguments and results of a call are encoded on the wire. Every frame names its codec, so a
 * server answers any of them whatever the service prefers.
 */
public enum Codec {
    /** The single {@code byte[]} or {@link java.nio.ByteBuffer} argument or result, verbatim. */
    RAW(0),
    /** MessagePack through Jackson: compact, binary, cross-language. The default. */
    MSGPACK(1),
    /** JSON through Jackson: text, for people, scripts and curl. */
    JSON(2);

    private final int id;

    Codec(int id) {
        this.id = id;
    }

    /**
     * The codec's number on the wire.
     *
     * @return the number used in the codec header
     */
    public int id() {
        return id;
    }

    /**
     * The codec with this wire number.
     *
     * @param id the number from a codec header
     * @return the codec, or {@code null} when the number is unknown
     */
    public static Codec ofId(int id) {
        return switch (id) {
            case 0 -> RAW;
            case 1 -> MSGPACK;
            case 2 -> JSON;
            default -> null;
        };
    }
}
