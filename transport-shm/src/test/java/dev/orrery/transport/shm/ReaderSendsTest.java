package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A listener that sends from inside {@code onFrame}, as the channel layer does (a pong, the next queued call,
 * credit), while both rings are full: neither reader may wait for space the other reader would free. Frames of
 * all three kinds travel: one record, several records, and spill files, which wait in the backlog too.
 */
@Timeout(60)
class ReaderSendsTest {

    private static final int RING_BYTES = 1 << 16;
    private static final int SPILL_BYTES = RING_BYTES / 2;
    private static final int FRAMES = 4_000;
    private static final byte ORIGINAL = 0;
    private static final byte ANSWER = 1;

    private final String name = "reader-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);

    private static Transport transport(String name) {
        return new ShmTransport(new TransportConfig(name, FrameFormat.DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(5), 0),
                ShmFiles.fromSystem(), RING_BYTES, SPILL_BYTES, IdleStrategy.HYBRID);
    }

    @Test
    void shouldAnswerFromTheReaderWhileBothRingsAreFullWithoutDeadlockAndInOrder() throws Exception {
        Answering serverSide = new Answering();
        Answering clientSide = new Answering();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        try (Transport server = transport("server"); Transport client = transport("client");
                Listener listener = server.listen(Endpoint.parse("shm://" + name), c -> {
                    serverSide.connection.set(c);
                    accepted.complete(c);
                    return serverSide;
                })) {
            Connection connection = client.connect(listener.endpoint(), c -> {
                clientSide.connection.set(c);
                return clientSide;
            }).get(5, TimeUnit.SECONDS);
            Connection serverConnection = accepted.get(5, TimeUnit.SECONDS);
            // Both sides flood each other with frames larger than a record, each of which the other answers
            // from its reader thread: every ring fills, and stays full while the readers answer.
            Thread fromClient = Thread.ofPlatform().start(() -> flood(connection));
            Thread fromServer = Thread.ofPlatform().start(() -> flood(serverConnection));
            fromClient.join();
            fromServer.join();

            assertThat(serverSide.originals.await(30, TimeUnit.SECONDS)).as("originals at the server").isTrue();
            assertThat(clientSide.originals.await(30, TimeUnit.SECONDS)).as("originals at the client").isTrue();
            assertThat(serverSide.answers.await(30, TimeUnit.SECONDS)).as("answers at the server").isTrue();
            assertThat(clientSide.answers.await(30, TimeUnit.SECONDS)).as("answers at the client").isTrue();
            assertThat(serverSide.outOfOrder.get()).isZero();
            assertThat(clientSide.outOfOrder.get()).isZero();
            connection.close();
            connection.closeFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(ShmTestSupport.filesOf(name + "-")).as("spill files left").isEmpty();
    }

    /**
     * Every tenth frame is larger than a quarter of the ring, so it travels in several records; five frames
     * later comes one larger than the spill threshold, which travels through a file.
     */
    private static int sizeOf(int number) {
        return switch (number % 10) {
            case 0 -> RING_BYTES / 3;
            case 5 -> SPILL_BYTES + 1;
            default -> 900;
        };
    }

    private static void flood(Connection connection) {
        for (int i = 0; i < FRAMES; i++) {
            ByteBuffer body = ByteBuffer.allocate(sizeOf(i)).put(ORIGINAL).putInt(i);
            assertThat(connection.send(new ShmTestSupport.Frame(body.array()))).isTrue();
        }
    }

    /** Answers every original frame from inside onFrame, with the same number; checks the order of both kinds. */
    private static final class Answering implements FrameListener {
        final AtomicReference<Connection> connection = new AtomicReference<>();
        final CountDownLatch originals = new CountDownLatch(FRAMES);
        final CountDownLatch answers = new CountDownLatch(FRAMES);
        final AtomicInteger outOfOrder = new AtomicInteger();
        private int nextOriginal;
        private int nextAnswer;

        @Override
        public void onFrame(ByteBuffer frame) {
            byte kind = frame.get();
            int number = frame.getInt();
            if (kind == ORIGINAL) {
                if (number != nextOriginal++) {
                    outOfOrder.incrementAndGet();
                }
                byte[] answer = ByteBuffer.allocate(sizeOf(number)).put(ANSWER).putInt(number).array();
                connection.get().send(new ShmTestSupport.Frame(answer));
                originals.countDown();
            } else {
                if (number != nextAnswer++) {
                    outOfOrder.incrementAndGet();
                }
                answers.countDown();
            }
        }

        @Override
        public void onClose(Throwable cause) {
        }
    }
}
