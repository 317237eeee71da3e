package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Calls;
import dev.orrery.Endpoint;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.testkit.ConformanceService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite with {@code busy-spin} on both sides, where a caller waiting for its reply reads the
 * ring itself until the reply comes: every test of the suite, plus the deadline of a caller that spins.
 */
class BusySpinConformanceTest extends SharedMemoryConformanceTest {

    private static final String IDLE = "?idle=busy-spin";

    @Override
    protected String listenEndpoint() {
        return super.listenEndpoint() + IDLE;
    }

    @Override
    protected Endpoint clientEndpoint(Endpoint server) {
        return Endpoint.parse(server + IDLE);
    }

    @Test
    void shouldGiveUpAtTheDeadlineWhileSpinningForAReply() {
        ConformanceService probe = client(server(new ConformanceService.Implementation()).endpoints().getFirst());
        long start = System.nanoTime();

        assertThatThrownBy(() -> Calls.withDeadline(Duration.ofMillis(300), () -> probe.sleep(5_000)))
                .isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(3));
        assertThat(probe.echo(new byte[] {7})).containsExactly(7);
    }
}
