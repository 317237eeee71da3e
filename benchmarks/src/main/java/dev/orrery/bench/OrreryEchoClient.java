package dev.orrery.bench;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.examples.Echo;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An Orrery client of the {@code demo.echo} service: one node, one connection (TCP or shared memory), calls
 * through the service's proxy. One call in flight is one platform thread making blocking calls
 * ({@link BlockingLoad}); more are chains of asynchronous calls through {@link EchoAsync} ({@link AsyncLoad}),
 * each started by the completion of the one before, on the transport's thread: the node's callback executor is
 * {@code Runnable::run}, so that no thread is woken per call, as gRPC-java's async stub and JeroMQ's and
 * Aeron's pipelined clients do.
 */
final class OrreryEchoClient implements EchoClient {

    /** The default of {@link NodeOptions#slotWindow()}: a window this size or larger is left as it is. */
    private static final int DEFAULT_SLOT_WINDOW = 64;

    private final Node node;
    private final Echo echo;
    private final EchoAsync async;
    private final EchoMethod method;
    private final byte[] payload;
    private final String text;

    private OrreryEchoClient(Node node, Echo echo, EchoAsync async, EchoMethod method, int payload) {
        this.node = node;
        this.echo = echo;
        this.async = async;
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
        Node node = Node.create(NodeOptions.builder()
                .name("bench-client")
                .slotWindow(Math.max(DEFAULT_SLOT_WINDOW, concurrency))
                .callbackExecutor(Runnable::run)
                .build());
        try {
            Echo echo = node.connect(Echo.class, server);
            EchoAsync async = node.connect(EchoAsync.class, server);
            OrreryEchoClient client = new OrreryEchoClient(node, echo, async, method, payload);
            client.call();
            return client;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    @Override
    public Load start(int concurrency, LatencyRecorder recorder) {
        if (concurrency == 1) {
            return BlockingLoad.start("orrery", concurrency, this::call, recorder);
        }
        return AsyncLoad.start(concurrency, this::callAsync, recorder);
    }

    private void callAsync(Consumer<Throwable> done) {
        CompletableFuture<?> call = switch (method) {
            case ECHO_BYTES -> async.echoBytes(payload).thenAccept(this::checkBytes);
            case ECHO -> async.echo(text).thenAccept(this::checkText);
        };
        call.whenComplete((ignored, failure) -> done.accept(failure));
    }

    private void call() {
        switch (method) {
            case ECHO_BYTES -> checkBytes(echo.echoBytes(payload));
            case ECHO -> checkText(echo.echo(text));
        }
    }

    private void checkBytes(byte[] answer) {
        if (answer == null || answer.length != payload.length) {
            throw new IllegalStateException("wrong echo: sent " + payload.length + " bytes, got "
                    + (answer == null ? "null" : answer.length + " bytes"));
        }
    }

    private void checkText(String answer) {
        if (answer == null || answer.length() != text.length()) {
            throw new IllegalStateException("wrong echo: sent " + text.length() + " characters, got "
                    + (answer == null ? "null" : answer.length() + " characters"));
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
