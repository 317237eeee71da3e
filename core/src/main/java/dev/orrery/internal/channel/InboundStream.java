package dev.orrery.internal.channel;

import dev.orrery.Sink;
import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's side of a stream: decodes each ITEM and hands it to the user's sink, in order, on a serial
 * virtual-thread executor, and grants the server more credit as values are consumed.
 */
public final class InboundStream {
    private static final Logger LOG = LoggerFactory.getLogger(InboundStream.class);

    private final Sink<Object> sink;
    private final Function<Frame, Object> decoder;
    private final SerialExecutor delivery;
    private final int window;
    /** Values delivered since the last CREDIT; touched only by the delivery executor. */
    private int consumed;
    private volatile boolean done;
    private volatile ClientChannel channel;
    private volatile long id;

    /**
     * A stream about to be opened.
     *
     * @param sink     the user's sink
     * @param decoder  turns an ITEM frame into a value
     * @param threads  where the sink runs
     * @param window   how many values the server may send ahead
     */
    @SuppressWarnings("unchecked")
    public InboundStream(Sink<?> sink, Function<Frame, Object> decoder, java.util.concurrent.Executor threads,
                         int window) {
        this.sink = (Sink<Object>) sink;
        this.decoder = decoder;
        this.delivery = new SerialExecutor(threads);
        this.window = window;
    }

    /** Called by the channel when the opening CALL is sent; grants the first window of credit. */
    void opened(ClientChannel owner, long streamId) {
        this.channel = owner;
        this.id = streamId;
        owner.connection.send(Frame.of(FrameType.CREDIT, streamId, credit(window)));
    }

    void item(Frame frame) {
        delivery.execute(() -> {
            if (done) {
                return;
            }
            try {
                sink.next(decoder.apply(frame));
            } catch (RuntimeException e) {
                LOG.warn("the sink of stream {} threw; cancelling the stream", id, e);
                close();
                return;
            }
            if (++consumed >= Math.max(1, window / 2)) {
                channel.connection.send(Frame.of(FrameType.CREDIT, id, credit(consumed)));
                consumed = 0;
            }
        });
    }

    void end(Failure failure) {
        delivery.execute(() -> {
            if (done) {
                return;
            }
            done = true;
            try {
                if (failure == null) {
                    sink.completed();
                } else {
                    sink.failed(failure.toException());
                }
            } catch (RuntimeException e) {
                LOG.warn("the sink of stream {} threw at its end", id, e);
            }
        });
    }

    void failLocally(Status status, String message) {
        end(Failure.of(status, message));
    }

    /** The user closed the subscription: tell the server, and deliver nothing more. */
    public void close() {
        if (done) {
            return;
        }
        done = true;
        ClientChannel owner = channel;
        if (owner != null) {
            owner.cancelStream(id, this);
        }
    }

    /** @return whether the stream has ended or was closed */
    public boolean isDone() {
        return done;
    }

    private static byte[] credit(int count) {
        return ByteBuffer.allocate(4).putInt(count).array();
    }

    /**
     * Reads an END payload: {@code null} for a normal end, else the failure.
     *
     * @param frame the END frame
     * @return the failure, or {@code null}
     * @throws dev.orrery.internal.wire.WireException when it is malformed
     */
    static Failure endOf(Frame frame) throws dev.orrery.internal.wire.WireException {
        ByteBuffer payload = frame.payloadBuffer();
        if (payload.remaining() >= 2 && payload.getShort(payload.position()) == 0) {
            return null;
        }
        return Failure.decode(frame);
    }
}
