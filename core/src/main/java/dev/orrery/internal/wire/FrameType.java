package dev.orrery.internal.wire;

/** Frame type numbers, as in {@code docs/protocol.md}. */
public final class FrameType {
    public static final int HELLO = 0x01;
    public static final int CALL = 0x02;
    public static final int REPLY = 0x03;
    public static final int ERROR = 0x04;
    public static final int CANCEL = 0x05;
    public static final int ONE_WAY = 0x06;
    public static final int CREDIT = 0x07;
    public static final int PING = 0x08;
    public static final int PONG = 0x09;
    public static final int CLOSE = 0x0A;
    /** One value of a stream, server to caller. */
    public static final int ITEM = 0x0B;
    /** The end of a stream, server to caller: a status, OK when it completed. */
    public static final int END = 0x0C;
    /** One message of a topic flow, publisher to subscriber. */
    public static final int PUBLISH = 0x10;
    /** Attaches a topic flow, publisher to subscriber. */
    public static final int SUBSCRIBE = 0x11;
    /** Ends a topic flow, either way. */
    public static final int UNSUBSCRIBE = 0x12;
    /** Releases slots of a topic flow, subscriber to publisher. */
    public static final int ACK = 0x13;

    private FrameType() {
    }

    /**
     * A name for logs.
     *
     * @param type the type number
     * @return its name, or the number in hex
     */
    public static String name(int type) {
        return switch (type) {
            case HELLO -> "HELLO";
            case CALL -> "CALL";
            case REPLY -> "REPLY";
            case ERROR -> "ERROR";
            case CANCEL -> "CANCEL";
            case ONE_WAY -> "ONE_WAY";
            case CREDIT -> "CREDIT";
            case PING -> "PING";
            case PONG -> "PONG";
            case CLOSE -> "CLOSE";
            case ITEM -> "ITEM";
            case END -> "END";
            case PUBLISH -> "PUBLISH";
            case SUBSCRIBE -> "SUBSCRIBE";
            case UNSUBSCRIBE -> "UNSUBSCRIBE";
            case ACK -> "ACK";
            default -> String.format("0x%02x", type);
        };
    }
}
