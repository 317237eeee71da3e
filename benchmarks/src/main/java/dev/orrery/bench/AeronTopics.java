package dev.orrery.bench;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Aeron's ends of {@code bench pubsub}, over IPC: the publisher's process embeds the media driver (see
 * {@link AeronIpc}) and offers every message on one exclusive publication; each subscriber process is a client of
 * that driver with one subscription to the same stream, polled by one thread. All of them read the same log
 * buffers; the publication may run ahead of the slowest subscriber by half a term, and then waits for it.
 */
final class AeronTopics implements TopicSource {

    /** The stream of the benchmark's messages, on {@link AeronIpc#CHANNEL}. */
    static final int STREAM = 1003;

    private final MediaDriver driver;
    private final Aeron aeron;
    private final ExclusivePublication publication;
    private final IdleStrategy idle;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

    private AeronTopics(MediaDriver driver, Aeron aeron, ExclusivePublication publication, IdleStrategy idle) {
        this.driver = driver;
        this.aeron = aeron;
        this.publication = publication;
        this.idle = idle;
    }

    /**
     * Launches the driver in a directory and adds the publication.
     *
     * @param directory the Aeron directory, which the driver deletes when it stops
     * @param idle      how the publisher waits while the slowest subscriber has no room
     * @return the publishing end
     */
    static AeronTopics publish(Path directory, IdleStrategy idle) {
        MediaDriver driver = AeronIpc.launchDriver(directory);
        Aeron aeron = null;
        try {
            aeron = AeronIpc.connect(directory);
            return new AeronTopics(driver, aeron, aeron.addExclusivePublication(AeronIpc.CHANNEL, STREAM), idle);
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(aeron, driver);
            throw e;
        }
    }

    /**
     * Connects to the publisher's driver, subscribes and starts polling.
     *
     * @param directory  the Aeron directory of the publisher's driver
     * @param idle       how the polling thread waits when nothing came
     * @param deliveries where the messages go
     * @return the running subscriber
     */
    static AutoCloseable subscribe(Path directory, IdleStrategy idle, Deliveries deliveries) {
        Aeron aeron = AeronIpc.connect(directory);
        try {
            Subscription subscription = aeron.addSubscription(AeronIpc.CHANNEL, STREAM);
            FragmentAssembler handler = new FragmentAssembler((buffer, offset, length, header) ->
                    deliveries.arrived(buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN),
                            buffer.getLong(offset + Long.BYTES, ByteOrder.LITTLE_ENDIAN), length));
            return ServingLoop.start(0, "aeron-subscriber", running -> {
                while (running.getAsBoolean()) {
                    idle.idle(subscription.poll(handler, AeronIpc.FRAGMENT_LIMIT));
                }
            }, subscription, aeron);
        } catch (RuntimeException e) {
            CloseHelper.quietClose(aeron);
            throw e;
        }
    }

    /** Until a subscriber is there, nothing goes. */
    @Override
    public boolean publish(byte[] message, LatencyRecorder failures, BooleanSupplier running) {
        if (!publication.isConnected()) {
            return false;
        }
        if (buffer.byteArray() != message) {
            buffer.wrap(message);
        }
        try {
            while (!AeronIpc.offer(publication, buffer, 0, message.length)) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                idle.idle();
            }
            idle.reset();
            return true;
        } catch (IllegalStateException e) {
            failures.failure(e);
            return false;
        }
    }

    @Override
    public void close() {
        CloseHelper.closeAll(publication, aeron, driver);
    }
}
