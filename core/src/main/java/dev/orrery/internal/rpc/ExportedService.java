package dev.orrery.internal.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.Codec;
import dev.orrery.internal.codec.Codecs;
import dev.orrery.internal.metrics.MethodRecorder;
import dev.orrery.internal.metrics.ServiceRecorder;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * A service a node serves: its descriptor, its implementation, where its handlers run, how many may run at once
 * and, unless metrics are off, its methods' recorders. Its description is encoded once, here.
 */
final class ExportedService {
    final ServiceDescriptor descriptor;
    final Object implementation;
    final Executor executor;
    final Semaphore permits;
    final int concurrencyLimit;
    /** The methods' recorders, or {@code null} when the node records no metrics. */
    final ServiceRecorder recorders;
    private final byte[] describeJson;
    private final byte[] describeMsgpack;

    ExportedService(ServiceDescriptor descriptor, Object implementation, Executor executor, int concurrencyLimit,
                    ServiceRecorder recorders) {
        this.descriptor = descriptor;
        this.recorders = recorders;
        this.implementation = implementation;
        this.executor = executor;
        this.concurrencyLimit = concurrencyLimit;
        this.permits = new Semaphore(concurrencyLimit);
        ObjectNode description = Description.of(descriptor);
        description.put("concurrencyLimit", concurrencyLimit);
        try {
            this.describeJson = Codecs.JSON.writeValueAsBytes(description);
            this.describeMsgpack = Codecs.MSGPACK.writeValueAsBytes(description);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the description of " + descriptor.name(), e);
        }
    }

    /**
     * The encoded description.
     *
     * @param codec the caller's codec
     * @return the description in that codec (MessagePack for RAW)
     */
    byte[] description(Codec codec) {
        return codec == Codec.JSON ? describeJson : describeMsgpack;
    }

    /**
     * The recorder of one of this service's methods.
     *
     * @param method the method
     * @return its recorder, or {@code null} when the node records no metrics
     */
    MethodRecorder recorder(MethodDescriptor method) {
        return recorders == null ? null : recorders.method(method.index());
    }
}
