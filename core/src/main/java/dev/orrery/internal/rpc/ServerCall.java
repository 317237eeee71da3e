package dev.orrery.internal.rpc;

import dev.orrery.CallContext;
import dev.orrery.Codec;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.internal.channel.InboundCall;
import dev.orrery.internal.channel.OutboundStream;
import dev.orrery.internal.metrics.MethodRecorder;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call on the service's executor: waits for a concurrency permit, decodes the arguments, calls
 * the implementation, and answers. It is the handler's {@link CallContext}. Unless metrics are off, it counts
 * the call as begun when made and as completed once answered, refused or abandoned: exactly once.
 */
final class ServerCall extends CallContext implements Runnable, ScopedValue.CallableOp<Object, Exception> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCall.class);

    private final InboundCall call;
    private final ExportedService service;
    private final MethodDescriptor method;
    private final Codec codec;
    /** The sending side of the stream this call opens; {@code null} for other calls. */
    private final OutboundStream stream;
    /** Where the call is counted; {@code null} when the node records no metrics. */
    private final MethodRecorder recorder;
    /** When the handler got its permit, in the clock's nanoseconds; its busy time runs from here. */
    private long startedNanos;
    /** The thread handing this call to the executor, while it does; see {@link #dispatching}. */
    private Thread dispatcher;
    /** The decoded arguments, once the call runs: what {@link #call()} passes to the implementation. */
    private Object[] arguments;

    ServerCall(InboundCall call, ExportedService service, MethodDescriptor method, Codec codec,
               OutboundStream stream) {
        this.call = call;
        this.service = service;
        this.method = method;
        this.codec = codec;
        this.stream = stream;
        this.recorder = service.recorder(method);
        if (recorder != null) {
            recorder.begin();
        }
    }

    /**
     * Names the thread handing the call to the executor while it does, so that a run on that same thread, by
     * an executor that runs tasks at once, knows that no time has passed since the call was received.
     *
     * @param thread the dispatching thread, or {@code null} once the executor has taken the call
     */
    void dispatching(Thread thread) {
        dispatcher = thread;
    }

    @Override
    public void run() {
        if (call.isCancelled()) {
            // The caller gave up before the handler started: nothing is answered, but the call completed.
            recordRefused();
            return;
        }
        Thread current = Thread.currentThread();
        // Run at once by the thread that received the call: the clock it read then is still good.
        long now = dispatcher == current ? call.receivedNanos() : System.nanoTime();
        if (now - call.deadlineNanos() >= 0) {
            refuse(Status.DEADLINE_EXCEEDED, "the deadline passed before the handler could start");
            return;
        }
        call.runningOn(current);
        boolean permitted = false;
        boolean async = false;
        try {
            boolean waited = !service.permits.tryAcquire();
            permitted = !waited
                    || service.permits.tryAcquire(Math.max(0, call.deadlineNanos() - now), TimeUnit.NANOSECONDS);
            if (!permitted) {
                refuse(Status.RESOURCE_EXHAUSTED, service.descriptor.name() + " runs " + service.concurrencyLimit
                        + " calls at once (its concurrency limit) and none finished before the deadline");
                return;
            }
            // Busy time runs from the permit: later than the clock read above only when the permit was waited for.
            startedNanos = waited && recorder != null ? System.nanoTime() : now;
            Object[] args = method.decodeArguments(codec, call.frame().payload());
            if (stream != null) {
                args = Arrays.copyOf(args, args.length + 1);
                args[args.length - 1] = new StreamSink(stream, method, method.replyCodec(codec));
            }
            arguments = args;
            Object result = runWithin(this);
            if (stream != null && result instanceof Subscription subscription) {
                stream.onCancel(subscription::close);
            }
            if (method.kind() == MethodKind.ASYNC && result instanceof CompletableFuture<?> future) {
                async = true;
                future.whenComplete((value, error) -> {
                    service.permits.release();
                    answer(value, error);
                });
            } else {
                answer(result, null);
            }
        } catch (InterruptedException e) {
            refuse(Status.CANCELLED, "the handler was interrupted");
        } catch (Exception e) {
            answer(null, e);
        } finally {
            call.runningOn(null);
            if (permitted && !async) {
                service.permits.release();
            }
            if (call.isCancelled()) {
                // The interrupt was for the handler; leave a pooled executor's thread clean.
                Thread.interrupted();
            }
        }
    }

    /**
     * The handler itself, run by {@link #runWithin} with this call as the context.
     *
     * @return what the implementation returned
     * @throws Exception what it threw, or the reflective failure to call it
     */
    @Override
    public Object call() throws Exception {
        return method.method().invoke(service.implementation, arguments);
    }

    /**
     * Fails the call before its handler ran.
     *
     * @param status  why
     * @param message what to tell the caller
     */
    void refuse(Status status, String message) {
        if (stream != null) {
            stream.abort();
        }
        call.fail(status, message, null);
        recordRefused();
    }

    /** Counts a call whose handler never ran as failed: it was refused, or its caller gave up first. */
    private void recordRefused() {
        if (recorder != null) {
            long latency = System.nanoTime() - call.receivedNanos();
            recorder.end(latency, 0, call.frame().payloadLength(), 0, true);
        }
    }

    /**
     * Counts a call whose handler ran, once its answer is handed to the transport: the one clock reading a call
     * adds, and it comes after the answer is on its way.
     */
    private void record(int bytesOut, boolean failed) {
        if (recorder != null) {
            long end = System.nanoTime();
            recorder.end(end - call.receivedNanos(), end - startedNanos, call.frame().payloadLength(), bytesOut,
                    failed);
        }
    }

    private void answer(Object value, Throwable error) {
        if (error != null && stream != null) {
            stream.abort();
        }
        if (error == null && stream != null) {
            call.reply(method.replyCodec(codec), new byte[0]);
            record(0, call.isCancelled());
            return;
        }
        if (error == null) {
            Codec replyCodec = method.replyCodec(codec);
            byte[] payload;
            try {
                payload = method.encodeResult(replyCodec, value);
            } catch (RuntimeException e) {
                answer(null, e);
                return;
            }
            call.reply(replyCodec, payload);
            // A caller that gave up was sent nothing, and counts the call as failed.
            boolean cancelled = call.isCancelled();
            record(cancelled || call.oneWay() ? 0 : payload.length, cancelled);
            return;
        }
        Throwable cause = Failures.unwrap(error);
        Status status = call.isCancelled() ? Status.CANCELLED : Failures.statusOf(cause);
        if (status == Status.UNKNOWN || status == Status.INTERNAL) {
            LOG.warn("{}.{} failed for {}", service.descriptor.name(), method.name(), call.peer(), cause);
        } else {
            LOG.debug("{}.{} failed for {}: {}", service.descriptor.name(), method.name(), call.peer(), cause.toString());
        }
        call.fail(status, Failures.messageOf(cause), Failures.typeOf(cause));
        record(0, true);
    }

    @Override
    public String service() {
        return service.descriptor.name();
    }

    @Override
    public String method() {
        return method.name();
    }

    @Override
    public String peer() {
        return call.peer();
    }

    @Override
    public long deadlineNanos() {
        return call.deadlineNanos();
    }

    @Override
    public boolean isCancelled() {
        return call.isCancelled() || System.nanoTime() - call.deadlineNanos() > 0;
    }
}
