package dev.orrery.internal.rpc;

import dev.orrery.CallContext;
import dev.orrery.Codec;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.internal.channel.InboundCall;
import dev.orrery.internal.channel.OutboundStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call on the service's executor: waits for a concurrency permit, decodes the arguments, calls
 * the implementation, and answers. It is the handler's {@link CallContext}.
 */
final class ServerCall extends CallContext implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCall.class);

    private final InboundCall call;
    private final ExportedService service;
    private final MethodDescriptor method;
    private final Codec codec;
    /** The sending side of the stream this call opens; {@code null} for other calls. */
    private final OutboundStream stream;

    ServerCall(InboundCall call, ExportedService service, MethodDescriptor method, Codec codec,
               OutboundStream stream) {
        this.call = call;
        this.service = service;
        this.method = method;
        this.codec = codec;
        this.stream = stream;
    }

    @Override
    public void run() {
        if (call.isCancelled()) {
            return;
        }
        if (System.nanoTime() - call.deadlineNanos() >= 0) {
            refuse(Status.DEADLINE_EXCEEDED, "the deadline passed before the handler could start");
            return;
        }
        call.runningOn(Thread.currentThread());
        boolean permitted = false;
        boolean async = false;
        try {
            long wait = call.deadlineNanos() - System.nanoTime();
            permitted = service.permits.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS);
            if (!permitted) {
                refuse(Status.RESOURCE_EXHAUSTED, service.descriptor.name() + " runs " + service.concurrencyLimit
                        + " calls at once (its concurrency limit) and none finished before the deadline");
                return;
            }
            Object[] args = method.decodeArguments(codec, call.frame().payload());
            if (stream != null) {
                args = Arrays.copyOf(args, args.length + 1);
                args[args.length - 1] = new StreamSink(stream, method, method.replyCodec(codec));
            }
            Object[] invocation = args;
            Object[] result = new Object[1];
            runWithin(() -> result[0] = method.method().invoke(service.implementation, invocation));
            if (stream != null && result[0] instanceof Subscription subscription) {
                stream.onCancel(subscription::close);
            }
            if (method.kind() == MethodKind.ASYNC && result[0] instanceof CompletableFuture<?> future) {
                async = true;
                future.whenComplete((value, error) -> {
                    service.permits.release();
                    answer(value, error);
                });
            } else {
                answer(result[0], null);
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

    private void refuse(Status status, String message) {
        if (stream != null) {
            stream.abort();
        }
        call.fail(status, message, null);
    }

    private void answer(Object value, Throwable error) {
        if (error != null && stream != null) {
            stream.abort();
        }
        if (error == null && stream != null) {
            call.reply(method.replyCodec(codec), new byte[0]);
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
