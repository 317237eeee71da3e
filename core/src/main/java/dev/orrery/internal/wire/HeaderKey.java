package dev.orrery.internal.wire;

/** Header keys, as in {@code docs/protocol.md}. A receiver skips keys it does not know. */
final class HeaderKey {
    /** u64: microseconds the caller still waits, counted from when the frame was sent. */
    static final int DEADLINE = 0x01;
    /** u8: the payload's codec. */
    static final int CODEC = 0x02;
    /** UTF-8: the service name. */
    static final int SERVICE = 0x03;
    /** UTF-8: the method name. */
    static final int METHOD = 0x04;
    /** bytes: an authentication token. */
    static final int AUTH = 0x05;
    /** bytes, at most 32: a trace id. */
    static final int TRACE_ID = 0x06;

    private HeaderKey() {
    }
}
