package dev.orrery.transport;

/**
 * The parts of the wire format that every stream transport handles itself: the preface each side writes
 * first, and the length prefix of each frame. The rest of a frame is opaque to a transport. The whole
 * format is specified in {@code docs/protocol.md}.
 */
public final class FrameFormat {

    /** The eight bytes each side writes before its first frame: {@code "ORRY"}, CR, LF, 0x1A, LF. */
    private static final byte[] PREFACE_BYTES = {'O', 'R', 'R', 'Y', '\r', '\n', 0x1A, '\n'};

    /** The length of {@link #preface()}. */
    public static final int PREFACE_LENGTH = PREFACE_BYTES.length;

    /** The size of a frame's length prefix: an unsigned 32-bit big-endian count of the bytes that follow. */
    public static final int LENGTH_FIELD_SIZE = 4;

    /** The smallest valid frame, length prefix excluded: type, flags, header length, correlation id. */
    public static final int MIN_FRAME_SIZE = 12;

    /** The default maximum frame size, length prefix excluded: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

    private FrameFormat() {
    }

    /**
     * The preface bytes.
     *
     * @return a fresh copy of the eight bytes
     */
    public static byte[] preface() {
        return PREFACE_BYTES.clone();
    }

    /**
     * Whether the bytes at {@code offset} of {@code bytes} are the preface.
     *
     * @param bytes  what the peer sent first
     * @param offset where its first byte is
     * @return true when they match
     */
    public static boolean isPreface(byte[] bytes, int offset) {
        if (bytes.length - offset < PREFACE_LENGTH) {
            return false;
        }
        for (int i = 0; i < PREFACE_LENGTH; i++) {
            if (bytes[offset + i] != PREFACE_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Describes a frame length that a receiver must refuse, or returns {@code null} for a valid one.
     *
     * @param length       the length prefix as read, as an unsigned number
     * @param maxFrameSize the receiver's limit
     * @return why the frame is refused, or {@code null}
     */
    public static String checkLength(long length, int maxFrameSize) {
        if (length < MIN_FRAME_SIZE) {
            return "frame of " + length + " bytes is shorter than the minimum of " + MIN_FRAME_SIZE;
        }
        if (length > maxFrameSize) {
            return "frame of " + length + " bytes exceeds the limit of " + maxFrameSize + " bytes";
        }
        return null;
    }
}
