package dev.orrery.internal.rpc;

import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.internal.channel.OutboundStream;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;

/**
 * The sink a stream method's implementation is handed: each value is encoded on the implementation's thread
 * and sent as an ITEM, within the caller's credit.
 */
final class StreamSink implements Sink<Object> {
    private final OutboundStream stream;
    private final MethodDescriptor method;
    private final Codec codec;

    StreamSink(OutboundStream stream, MethodDescriptor method, Codec codec) {
        this.stream = stream;
        this.method = method;
        this.codec = codec;
    }

    @Override
    public void next(Object value) {
        stream.send(Frame.item(stream.id(), codec, method.encodeResult(codec, value)));
    }

    @Override
    public void completed() {
        stream.end(null);
    }

    @Override
    public void failed(OrreryException failure) {
        stream.end(Failure.of(failure.status(), failure.description()));
    }
}
