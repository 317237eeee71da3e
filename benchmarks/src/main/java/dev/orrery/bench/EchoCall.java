package dev.orrery.bench;

import dev.orrery.examples.Echo;

/** One {@code echoBytes} round trip of a fixed payload, with its answer checked. */
final class EchoCall {

    /** The payload of the locate benchmark's calls, as in {@code bench rpc}'s default. */
    static final int PAYLOAD = 64;

    private static final byte[] BYTES = EchoMethod.asciiPayload(PAYLOAD);

    private EchoCall() {
    }

    /**
     * Sends the payload and checks that the same number of bytes came back.
     *
     * @param echo the proxy to call
     * @throws IllegalStateException when the answer is wrong
     */
    static void call(Echo echo) {
        byte[] answer = echo.echoBytes(BYTES);
        if (answer == null || answer.length != PAYLOAD) {
            throw new IllegalStateException("wrong echo: sent " + PAYLOAD + " bytes, got "
                    + (answer == null ? "null" : answer.length + " bytes"));
        }
    }
}
