package dev.orrery.bench;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import java.nio.file.Path;
import java.time.Duration;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The ping side of the Aeron benchmark, in the client child: a client of the pong side's driver that publishes
 * each request (its number in 8 bytes, then the payload) from one reused buffer and polls for the echoes, for
 * {@link PipelinedPing} to drive in a busy loop.
 */
final class AeronPing implements EchoPipe {

    private static final int HEADER = Long.BYTES;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Aeron aeron;
    private final ExclusivePublication requests;
    private final Subscription echoes;
    private final UnsafeBuffer message;
    private final FragmentAssembler handler = new FragmentAssembler(this::onEcho);
    private long echoed;
    private int wrongLength = -1;

    private AeronPing(Aeron aeron, ExclusivePublication requests, Subscription echoes, int payload) {
        this.aeron = aeron;
        this.requests = requests;
        this.echoes = echoes;
        this.message = new UnsafeBuffer(BufferUtil.allocateDirectAligned(HEADER + payload, Long.BYTES));
        message.putBytes(HEADER, EchoMethod.asciiPayload(payload));
    }

    /**
     * Connects to the driver of a directory, waits until the pong side is there, and makes a first round trip.
     *
     * @param directory the Aeron directory of the pong side's driver
     * @param payload   the payload size in bytes
     * @return the pipe
     * @throws IllegalStateException when the pong side did not answer within 10 s
     */
    static AeronPing connect(Path directory, int payload) {
        Aeron aeron = AeronIpc.connect(directory);
        try {
            AeronPing ping = new AeronPing(aeron,
                    aeron.addExclusivePublication(AeronIpc.CHANNEL, AeronIpc.PING_STREAM),
                    aeron.addSubscription(AeronIpc.CHANNEL, AeronIpc.PONG_STREAM), payload);
            ping.firstRoundTrip(CONNECT_TIMEOUT, "the Aeron pong side at " + directory);
            return ping;
        } catch (RuntimeException e) {
            CloseHelper.quietClose(aeron);
            throw e;
        }
    }

    /** Until the pong side subscribes, nothing goes: the first round trip waits for it. */
    @Override
    public boolean send(long sequence) {
        if (!requests.isConnected()) {
            return false;
        }
        message.putLong(0, sequence);
        return AeronIpc.offer(requests, message, 0, message.capacity());
    }

    @Override
    public long receive() {
        echoed = -1;
        echoes.poll(handler, 1);
        if (wrongLength >= 0) {
            throw new IllegalStateException("wrong echo: sent " + (message.capacity() - HEADER) + " bytes, got "
                    + (wrongLength - HEADER) + " bytes");
        }
        return echoed;
    }

    private void onEcho(DirectBuffer buffer, int offset, int length, Header header) {
        if (length != message.capacity()) {
            wrongLength = length;
            return;
        }
        echoed = buffer.getLong(offset);
    }

    @Override
    public void close() {
        CloseHelper.closeAll(requests, echoes, aeron);
    }
}
