package dev.orrery.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A JeroMQ client of {@link JeroMqEcho}: one DEALER socket, driven by one thread (sockets are not thread-safe)
 * that keeps the requests outstanding ({@link PipelinedPing}) and waits for echoes in a blocking receive, as
 * JeroMQ users do. Each message is one frame: the request's number in 8 bytes, then the payload.
 */
final class JeroMqEchoClient implements EchoClient, EchoPipe {

    /** The size of the request number at the head of each message. */
    static final int HEADER = Long.BYTES;
    /** How long the first round trip of one attempt to connect may take. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** How many times the client tries to connect. */
    private static final int ATTEMPTS = 5;

    private static final VarHandle SEQUENCE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    private final ZContext context;
    private final ZMQ.Socket dealer;
    private final byte[] payload;

    private JeroMqEchoClient(ZContext context, ZMQ.Socket dealer, int payload) {
        this.context = context;
        this.dealer = dealer;
        this.payload = EchoMethod.asciiPayload(payload);
    }

    /**
     * Connects and makes a first round trip, so that connecting is not measured. JeroMQ 0.6.0 on JDK 25 now and
     * then never completes a loopback connection: the DEALER's I/O thread does not take up the connected socket,
     * and nothing flows in either direction. A fresh socket then connects at once, so after 2 s without an echo
     * the client tries again, up to 5 times in all.
     *
     * @param port    the server's port on 127.0.0.1
     * @param payload the payload size in bytes
     * @return the client
     * @throws IllegalStateException when no attempt got an echo
     */
    static JeroMqEchoClient connect(int port, int payload) {
        for (int attempt = 1; ; attempt++) {
            ZContext context = new ZContext();
            try {
                ZMQ.Socket dealer = JeroMqEcho.socket(context, SocketType.DEALER);
                dealer.connect("tcp://127.0.0.1:" + port);
                JeroMqEchoClient client = new JeroMqEchoClient(context, dealer, payload);
                client.firstRoundTrip(ATTEMPT_TIMEOUT, "the JeroMQ echo server at port " + port);
                return client;
            } catch (IllegalStateException e) {
                context.close();
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                System.err.println("note: " + e.getMessage() + "; connecting a new JeroMQ socket");
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }
    }

    @Override
    public Load start(int concurrency, LatencyRecorder recorder) {
        return PipelinedPing.start("jeromq", this, concurrency, recorder);
    }

    @Override
    public boolean send(long sequence) {
        // JeroMQ keeps the array it is given until its I/O thread has written it: each message needs its own.
        byte[] message = new byte[HEADER + payload.length];
        SEQUENCE.set(message, 0, sequence);
        System.arraycopy(payload, 0, message, HEADER, payload.length);
        if (!dealer.send(message, 0)) {
            throw new IllegalStateException("JeroMQ refused to send: error " + dealer.errno());
        }
        return true;
    }

    @Override
    public long receive() {
        byte[] echo = dealer.recv(0);
        if (echo == null) {
            return -1;
        }
        if (echo.length != HEADER + payload.length) {
            throw new IllegalStateException("wrong echo: sent " + payload.length + " bytes, got "
                    + (echo.length - HEADER) + " bytes");
        }
        return (long) SEQUENCE.get(echo, 0);
    }

    @Override
    public void close() {
        context.close();
    }
}
