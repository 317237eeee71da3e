package dev.orrery.bench;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.examples.Echo;

/**
 * An Orrery client of the {@code demo.echo} service: one node, one connection (TCP or shared memory), calls
 * through the service's proxy. {@code Echo} only has blocking methods, so calls in flight come from blocking
 * callers (see {@link BlockingLoad}): one platform thread for one call, a virtual thread per call in flight for
 * more.
 */
final class OrreryEchoClient implements EchoClient {

    /** The default of {@link NodeOptions#slotWindow()}: a window this size or larger is left as it is. */
    private static final int DEFAULT_SLOT_WINDOW = 64;

    private final Node node;
    private final Echo echo;
    private final EchoMethod method;
    private final byte[] payload;
    private final String text;

    private OrreryEchoClient(Node node, Echo echo, EchoMethod method, int payload) {
        this.node = node;
        this.echo = echo;
        this.method = method;
        this.payload = EchoMethod.asciiPayload(payload);
        this.text = EchoMethod.asciiText(payload);
    }

    /**
     * Connects and makes a first call, so that connecting is not measured.
     *
     * @param server      the server's endpoint, such as {@code tcp://127.0.0.1:7070} or
     *                    {@code shm://bench?idle=hybrid} (its idle strategy then applies to this side too)
     * @param concurrency calls to keep in flight: the slot window is widened to it when it is above the default
     * @param method      the method to call
     * @param payload     the payload size in bytes
     * @return the client
     */
    static OrreryEchoClient connect(Endpoint server, int concurrency, EchoMethod method, int payload) {
        Node node = Node.builder()
                .name("bench-client")
                .slotWindow(Math.max(DEFAULT_SLOT_WINDOW, concurrency))
                .build();
        try {
            Echo echo = node.connect(Echo.class, server);
            OrreryEchoClient client = new OrreryEchoClient(node, echo, method, payload);
            client.call();
            return client;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Override
    public Load start(int concurrency, LatencyRecorder recorder) {
        return BlockingLoad.start("orrery", concurrency, this::call, recorder);
    }

    private void call() {
        switch (method) {
            case ECHO_BYTES -> {
                byte[] answer = echo.echoBytes(payload);
                if (answer == null || answer.length != payload.length) {
                    throw new IllegalStateException("wrong echo: sent " + payload.length + " bytes, got "
                            + (answer == null ? "null" : answer.length + " bytes"));
                }
            }
            case ECHO -> {
                String answer = echo.echo(text);
                if (answer == null || answer.length() != text.length()) {
                    throw new IllegalStateException("wrong echo: sent " + text.length() + " characters, got "
                            + (answer == null ? "null" : answer.length() + " characters"));
                }
            }
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
