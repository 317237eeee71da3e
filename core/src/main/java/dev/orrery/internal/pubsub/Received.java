package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.pubsub.Message;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A message as a subscription's handler sees it: decoded just before the handler runs, released once.
 *
 * @param <T> the type of the value
 */
final class Received<T> implements Message<T> {
    private static final VarHandle RELEASED;

    static {
        try {
            RELEASED = MethodHandles.lookup().findVarHandle(Received.class, "released", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LocalSubscription<T> subscription;
    private final InboundFlow flow;
    private final long sequence;
    final Codec codec;
    final byte[] bytes;
    final int offset;
    final int length;
    private T value;
    @SuppressWarnings("unused") // Through RELEASED.
    private volatile int released;

    @SuppressWarnings("unchecked")
    Received(LocalSubscription<?> subscription, InboundFlow flow, long sequence, Codec codec, byte[] bytes,
             int offset, int length) {
        this.subscription = (LocalSubscription<T>) subscription;
        this.flow = flow;
        this.sequence = sequence;
        this.codec = codec;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    void value(T decoded) {
        this.value = decoded;
    }

    @Override
    public String topic() {
        return flow.attach().topic();
    }

    @Override
    public T value() {
        return value;
    }

    @Override
    public String publisher() {
        return flow.attach().publisher();
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public void release() {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            flow.released(sequence, null);
        }
    }

    @Override
    public void fail(Throwable failure) {
        if (RELEASED.compareAndSet(this, 0, 1)) {
            subscription.failed();
            Status status = failure instanceof OrreryException e ? e.status() : Status.INTERNAL;
            String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            flow.released(sequence, Failure.of(status, "subscription " + subscription.id() + ": " + message));
        }
    }

    @Override
    public String toString() {
        return "message " + sequence + " of " + topic() + " from " + publisher();
    }
}
