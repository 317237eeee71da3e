package dev.orrery.internal.rpc;

import dev.orrery.Codec;
import dev.orrery.DynamicClient;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.channel.PendingCall;
import dev.orrery.internal.codec.Codecs;
import dev.orrery.internal.wire.Frame;
import java.nio.charset.StandardCharsets;

/**
 * Calls services by name with JSON arguments; the server converts them to the method's types.
 */
final class JsonClient implements DynamicClient {
    private final Connector connector;
    private final Invocations invocations;
    private final long deadlineNanos;

    JsonClient(Connector connector, Invocations invocations, long deadlineNanos) {
        this.connector = connector;
        this.invocations = invocations;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public String describe(String service) {
        return call(service, ServiceDescriptor.DESCRIBE, "[]");
    }

    @Override
    public String call(String service, String method, String jsonArgs) {
        byte[] payload = jsonArgs.getBytes(StandardCharsets.UTF_8);
        try {
            Codecs.JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new OrreryException(Status.INVALID_ARGUMENT, "the arguments are not valid JSON: "
                    + MethodDescriptor.firstLine(e.getMessage()));
        }
        long deadline = dev.orrery.Calls.scopedDeadline();
        if (deadline == Long.MAX_VALUE) {
            deadline = System.nanoTime() + deadlineNanos;
        }
        PendingCall call = new PendingCall(false, deadline, Codec.JSON, service.getBytes(StandardCharsets.UTF_8),
                method.getBytes(StandardCharsets.UTF_8), payload);
        Frame reply = invocations.callSync(connector, call);
        Codec codec = reply.payloadCodec();
        if (codec == Codec.JSON) {
            return new String(reply.payload(), StandardCharsets.UTF_8);
        }
        try {
            Object value = codec == Codec.RAW ? reply.payload() : Codecs.mapper(codec).readTree(reply.payload());
            return Codecs.JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new OrreryException(Status.INTERNAL, "cannot read the reply of " + service + "." + method + ": "
                    + e.getMessage(), e);
        }
    }
}
