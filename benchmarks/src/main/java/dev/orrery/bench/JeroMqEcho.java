package dev.orrery.bench;

import java.util.function.BooleanSupplier;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The JeroMQ side of the echo benchmark's server child: a ROUTER socket on the loopback address, and one thread
 * that sends every message back to the DEALER it came from, as it came.
 *
 * <p>High-water marks are off on both ends: a ROUTER drops what it cannot queue, and the client never has more
 * than its concurrency outstanding, so the queues stay bounded without them.
 */
final class JeroMqEcho {

    /** How long a blocking receive waits before it looks again whether it should stop. */
    static final int RECEIVE_TIMEOUT_MILLIS = 100;

    private JeroMqEcho() {
    }

    /**
     * Binds the ROUTER and starts echoing.
     *
     * @param port the port on 127.0.0.1, 0 for any free one
     * @return the running server
     */
    static BenchServer.Running serve(int port) {
        ZContext context = new ZContext();
        try {
            ZMQ.Socket router = socket(context, SocketType.ROUTER);
            int bound = port == 0 ? router.bindToRandomPort("tcp://127.0.0.1") : bind(router, port);
            return ServingLoop.start(bound, "jeromq-echo", running -> echo(router, running), context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * A socket of the benchmark: no high-water marks, no linger on close, and receives that time out.
     *
     * @param context its context
     * @param type    ROUTER or DEALER
     * @return the socket
     */
    static ZMQ.Socket socket(ZContext context, SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setSndHWM(0);
        socket.setRcvHWM(0);
        socket.setLinger(0);
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
        return socket;
    }

    private static int bind(ZMQ.Socket router, int port) {
        router.bind("tcp://127.0.0.1:" + port);
        return port;
    }

    /** The echo loop; its thread owns the socket until it stops. */
    private static void echo(ZMQ.Socket router, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            byte[] identity = router.recv(0);
            if (identity == null) {
                continue;
            }
            // The rest of a multipart message is already here when its first part is.
            byte[] body = router.hasReceiveMore() ? router.recv(0) : null;
            if (body != null) {
                router.send(identity, ZMQ.SNDMORE);
                router.send(body, 0);
            }
        }
    }
}
