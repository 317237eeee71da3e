package dev.orrery.bench;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

/**
 * The pong side of the Aeron benchmark, in the server child: the embedded media driver, and one thread that
 * busy-spins polling the requests and publishes each back as it came. Messages larger than the MTU arrive in
 * fragments, which a {@link FragmentAssembler} puts together first.
 */
final class AeronPong {

    private final Subscription requests;
    private final ExclusivePublication echoes;
    private final BooleanSupplier running;

    private AeronPong(Subscription requests, ExclusivePublication echoes, BooleanSupplier running) {
        this.requests = requests;
        this.echoes = echoes;
        this.running = running;
    }

    /**
     * Launches the driver in a directory, subscribes to the requests and starts echoing them.
     *
     * @param directory the Aeron directory, which the driver deletes when it stops
     * @return the running pong, whose port is 0
     */
    static BenchServer.Running serve(Path directory) {
        MediaDriver driver = AeronIpc.launchDriver(directory);
        Aeron aeron = null;
        try {
            aeron = AeronIpc.connect(directory);
            Subscription requests = aeron.addSubscription(AeronIpc.CHANNEL, AeronIpc.PING_STREAM);
            ExclusivePublication echoes = aeron.addExclusivePublication(AeronIpc.CHANNEL, AeronIpc.PONG_STREAM);
            return ServingLoop.start(0, "aeron-pong", running -> new AeronPong(requests, echoes, running).run(),
                    aeron, driver);
        } catch (RuntimeException e) {
            CloseHelper.quietCloseAll(aeron, driver);
            throw e;
        }
    }

    /** The pong thread, which owns the subscription and the publication. */
    private void run() {
        FragmentAssembler handler = new FragmentAssembler((buffer, offset, length, header) ->
                echo(buffer, offset, length));
        while (running.getAsBoolean()) {
            if (requests.poll(handler, AeronIpc.FRAGMENT_LIMIT) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private void echo(DirectBuffer buffer, int offset, int length) {
        try {
            while (!AeronIpc.offer(echoes, buffer, offset, length)) {
                if (!running.getAsBoolean()) {
                    return;
                }
                Thread.onSpinWait();
            }
        } catch (IllegalStateException e) {
            // The ping side went away: its requests need no echo. It reports its own failure.
            System.err.println("warning: " + e.getMessage());
        }
    }
}
