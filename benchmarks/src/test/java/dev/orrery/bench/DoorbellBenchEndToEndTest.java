package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.transport.shm.Futex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bench doorbell} for real: both doorbells against a child JVM, briefly, leaving no file behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DoorbellBenchEndToEndTest {

    private BenchRun last;

    private int run(String... args) {
        last = BenchRun.of(args);
        return last.exit();
    }

    @Test
    void shouldMeasureTheSocketAndTheFutexDoorbells() throws Exception {
        assertThat(Futex.available()).as("the benchmarks' tests run with native access, as bin/orrery does")
                .isTrue();
        Set<String> before = PairBenchEndToEndTest.benchFiles();

        int exit = run("doorbell", "--json", "--warmup", "200ms", "--duration", "300ms");

        assertThat(exit).as(last.err()).isZero();
        List<String> transports = new ArrayList<>();
        for (String line : last.out().strip().split("\n")) {
            JsonNode row = JsonRowsTest.assertMeasuredRow(line);
            assertThat(row.get("system").asText()).isEqualTo("doorbell");
            assertThat(row.get("concurrency").asInt()).isEqualTo(1);
            transports.add(row.get("transport").asText());
        }
        assertThat(transports).containsExactly("socket", "futex");
        assertThat(PairBenchEndToEndTest.benchFiles()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAZeroDuration() {
        assertThat(run("doorbell", "--duration", "0s")).isEqualTo(2);
        assertThat(last.err()).contains("--duration must be longer than 0, such as 5s");
        assertThat(last.out()).isEmpty();
    }
}
