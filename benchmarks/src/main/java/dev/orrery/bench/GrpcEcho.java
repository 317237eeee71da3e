package dev.orrery.bench;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The gRPC-java side of the echo benchmark: one unary method on raw {@code byte[]}, described by hand so that no
 * protobuf code runs on either side, as Orrery's {@code echoBytes} runs no codec.
 */
final class GrpcEcho {

    /** The service's name. */
    static final String SERVICE = "bench.Echo";

    /** {@code bench.Echo/EchoBytes}: answers with the bytes it is sent. */
    static final MethodDescriptor<byte[], byte[]> ECHO_BYTES = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "EchoBytes"))
            .setRequestMarshaller(new BytesMarshaller())
            .setResponseMarshaller(new BytesMarshaller())
            .setIdempotent(true)
            .build();

    private GrpcEcho() {
    }

    /**
     * Starts a plaintext server on the loopback address.
     *
     * <p>It keeps gRPC's default executor (a shared cached thread pool that runs the handler off the Netty event
     * loop): that is what users get, as Orrery's default runs handlers on virtual threads. gRPC could go faster
     * with {@code directExecutor()}, and so could Orrery with an inline executor; neither is measured here.
     *
     * @param port the port, 0 for any free one
     * @return the started server
     * @throws IOException when the port cannot be bound
     */
    static Server serve(int port) throws IOException {
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(ECHO_BYTES, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(request);
                    response.onCompleted();
                }))
                .build();
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .addService(service)
                .build()
                .start();
    }

    /**
     * Passes {@code byte[]} through untouched. The stream it writes tells gRPC its length and drains straight
     * into gRPC's buffer, and parsing reads exactly the known length: the same two shortcuts that gRPC's protobuf
     * marshaller takes, so gRPC is not slowed by a naive marshaller.
     */
    private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {

        @Override
        public InputStream stream(byte[] value) {
            return new BytesStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                if (stream instanceof KnownLength) {
                    byte[] bytes = new byte[stream.available()];
                    int read = stream.readNBytes(bytes, 0, bytes.length);
                    if (read == bytes.length && stream.read() == -1) {
                        return bytes;
                    }
                    throw Status.INTERNAL.withDescription("message length changed while reading it")
                            .asRuntimeException();
                }
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("cannot read a message").withCause(e).asRuntimeException();
            }
        }
    }

    /** A message on its way out: its length is known, and it can write itself in one go. */
    private static final class BytesStream extends ByteArrayInputStream implements KnownLength, Drainable {

        BytesStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int length = count - pos;
            target.write(buf, pos, length);
            pos = count;
            return length;
        }
    }
}
