package dev.orrery.bench;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A gRPC-java client of {@link GrpcEcho}: one plaintext channel to 127.0.0.1. One call in flight goes through
 * the blocking path ({@code ClientCalls.blockingUnaryCall}, what a blocking stub does); more go through the async
 * path ({@code ClientCalls.asyncUnaryCall}, what an async stub does), since one thread per call is not how
 * gRPC-java users keep many calls in flight.
 *
 * <p>The channel keeps gRPC's default executor (a shared cached thread pool for callbacks): that is what users
 * get. The blocking path runs its callbacks on the calling thread whatever the executor is.
 */
final class GrpcEchoClient implements EchoClient {

    private final ManagedChannel channel;
    private final byte[] payload;

    private GrpcEchoClient(ManagedChannel channel, byte[] payload) {
        this.channel = channel;
        this.payload = payload;
    }

    /**
     * Opens a channel and waits until a first call succeeds, so that connecting is not measured.
     *
     * @param port    the server's port on 127.0.0.1
     * @param payload the payload size in bytes
     * @return the client
     */
    static GrpcEchoClient connect(int port, int payload) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        GrpcEchoClient client = new GrpcEchoClient(channel, EchoMethod.asciiPayload(payload));
        try {
            ClientCalls.blockingUnaryCall(channel, GrpcEcho.ECHO_BYTES,
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), client.payload);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    @Override
    public Load start(int concurrency, LatencyRecorder recorder) {
        if (concurrency == 1) {
            return BlockingLoad.start("grpc", 1, () -> {
                byte[] answer = ClientCalls.blockingUnaryCall(channel, GrpcEcho.ECHO_BYTES, CallOptions.DEFAULT,
                        payload);
                check(answer);
            }, recorder);
        }
        return AsyncLoad.start(concurrency, this::callAsync, recorder);
    }

    private void callAsync(Consumer<Throwable> done) {
        ClientCalls.asyncUnaryCall(channel.newCall(GrpcEcho.ECHO_BYTES, CallOptions.DEFAULT), payload,
                new StreamObserver<>() {
                    private byte[] answer;

                    @Override
                    public void onNext(byte[] value) {
                        answer = value;
                    }

                    @Override
                    public void onError(Throwable failure) {
                        done.accept(failure);
                    }

                    @Override
                    public void onCompleted() {
                        try {
                            check(answer);
                            done.accept(null);
                        } catch (IllegalStateException e) {
                            done.accept(e);
                        }
                    }
                });
    }

    private void check(byte[] answer) {
        if (answer == null || answer.length != payload.length) {
            throw new IllegalStateException("wrong echo: sent " + payload.length + " bytes, got "
                    + (answer == null ? "nothing" : answer.length + " bytes"));
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                System.err.println("warning: the gRPC channel did not terminate within 5s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
