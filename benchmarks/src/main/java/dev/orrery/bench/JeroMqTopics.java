package dev.orrery.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ's ends of {@code bench pubsub}: a PUB socket bound on the loopback address, and a SUB socket per
 * subscriber process connected to it, each subscribed to everything and read by one thread in a blocking
 * receive.
 *
 * <p>A PUB socket drops a subscriber's messages once its high-water mark is reached (1,000 messages, the default,
 * kept on both sockets). With {@code ZMQ_XPUB_NODROP} it refuses them instead, and a blocking send waits for
 * room, which is what Orrery's default policy and Aeron do: every message reaches every subscriber, and the rate
 * measured is the one the slowest of them takes.
 */
final class JeroMqTopics implements TopicSource {

    /** How long the first message of one attempt to connect may take. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** How many times a subscriber tries to connect. */
    private static final int ATTEMPTS = 5;

    private final ZContext context;
    private final ZMQ.Socket pub;
    private final int port;

    private JeroMqTopics(ZContext context, ZMQ.Socket pub, int port) {
        this.context = context;
        this.pub = pub;
        this.port = port;
    }

    /**
     * Binds the PUB socket to a free port of 127.0.0.1.
     *
     * @return the publishing end
     */
    static JeroMqTopics publish() {
        ZContext context = new ZContext();
        try {
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            pub.setLinger(0);
            pub.setXpubNoDrop(true);
            // A send waits this long for room before it looks again whether the publisher stops.
            pub.setSendTimeOut(JeroMqEcho.RECEIVE_TIMEOUT_MILLIS);
            return new JeroMqTopics(context, pub, pub.bindToRandomPort("tcp://127.0.0.1"));
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * Connects a SUB socket and waits for its first message. JeroMQ 0.6.0 on JDK 25 now and then never completes
     * a loopback connection (see {@link JeroMqEchoClient#connect}): after 2 s without a message, a fresh socket
     * connects, up to 5 times in all.
     *
     * @param port       the PUB socket's port on 127.0.0.1
     * @param deliveries where the messages go
     * @return the running subscriber
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException when no attempt received a message
     */
    static AutoCloseable subscribe(int port, Deliveries deliveries) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ZContext context = new ZContext();
            BenchServer.Running running;
            try {
                ZMQ.Socket sub = context.createSocket(SocketType.SUB);
                sub.setLinger(0);
                sub.setReceiveTimeOut(JeroMqEcho.RECEIVE_TIMEOUT_MILLIS);
                sub.connect("tcp://127.0.0.1:" + port);
                sub.subscribe(new byte[0]);
                running = ServingLoop.start(0, "jeromq-subscriber", alive -> receive(sub, deliveries, alive),
                        context);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
            if (deliveries.awaitFirst(ATTEMPT_TIMEOUT)) {
                return running;
            }
            running.close();
            String problem = "no message from the JeroMQ publisher at port " + port + " within "
                    + DurationConverter.format(ATTEMPT_TIMEOUT);
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException(problem);
            }
            System.err.println("note: " + problem + "; connecting a new JeroMQ socket");
        }
    }

    /** The subscriber thread, which owns the socket until it stops. */
    private static void receive(ZMQ.Socket sub, Deliveries deliveries, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            byte[] message = sub.recv(0);
            if (message != null) {
                deliveries.arrived(message);
            }
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean publish(byte[] message, LatencyRecorder failures, BooleanSupplier running) {
        // JeroMQ keeps the array it is given until its I/O thread has written it: each message needs its own.
        byte[] copy = message.clone();
        while (running.getAsBoolean()) {
            if (pub.send(copy, 0)) {
                return true;
            }
            if (pub.errno() != ZMQ.Error.EAGAIN.getCode()) {
                failures.failure(new IllegalStateException("JeroMQ refused to publish: error " + pub.errno()));
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        context.close();
    }
}
