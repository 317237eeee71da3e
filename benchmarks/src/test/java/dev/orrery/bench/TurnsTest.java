package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Turns with loads that only sleep: no servers, so the order and the accounting are what is checked. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TurnsTest {

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final StringWriter progress = new StringWriter();

    private Turns.Contender sleeper(String name, Duration warmup, Duration duration) {
        return new Turns.Contender(new Measurement(name, "tcp", 64, 1, warmup, duration), recorder -> {
            started.add(name);
            return BlockingLoad.start(name, 1, () -> Thread.sleep(1), recorder);
        });
    }

    @Test
    void shouldWarmUpEachThenStartEachRoundWithTheNextOne() throws Exception {
        Duration warmup = Duration.ofMillis(20);
        Duration duration = Duration.ofMillis(150);
        List<Turns.Contender> contenders = List.of(sleeper("a", warmup, duration), sleeper("b", warmup, duration));

        List<RpcResult> results = Turns.run(1, contenders, Duration.ofMillis(50), new PrintWriter(progress, true));

        assertThat(started).containsExactly("a", "b", "a", "b", "b", "a", "a", "b");
        assertThat(results).extracting(RpcResult::system).containsExactly("a", "b");
        for (RpcResult result : results) {
            assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(duration.toNanos());
            assertThat(result.calls()).isPositive().isLessThan(duration.toMillis() + 10);
            assertThat(result.errors()).isZero();
        }
        assertThat(progress.toString()).contains("c=1: warming up a 20ms… b 20ms… measuring each 150ms in turns of "
                + "50ms… done", "a tcp c=1: ", "b tcp c=1: ");
    }

    @Test
    void shouldTakeOneTurnEachWhenTheDurationIsShorterThanATurn() throws Exception {
        Duration duration = Duration.ofMillis(30);
        List<Turns.Contender> contenders = List.of(sleeper("a", Duration.ZERO, duration),
                sleeper("b", Duration.ZERO, duration), sleeper("c", Duration.ZERO, duration));

        Turns.run(1, contenders, Turns.TURN, new PrintWriter(progress, true));

        assertThat(started).containsExactly("a", "b", "c", "a", "b", "c");
    }
}
