package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bench pubsub} for real, briefly: a publisher child and subscriber children per system. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PubSubBenchEndToEndTest {

    private static final List<String> KEYS = List.of("system", "transport", "payload", "subscribers", "mode",
            "msgs_per_sec", "slots", "idle", "p50_us", "p99_us", "p999_us", "cpu_percent");

    /** Checks a row's keys and figures, and returns it as {@code system transport mode}. */
    private static String assertMeasuredRow(String line, int subscribers) throws Exception {
        JsonNode row = new ObjectMapper().readTree(line);
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(line).containsExactlyElementsOf(KEYS);
        assertThat(row.get("payload").asInt()).isEqualTo(64);
        assertThat(row.get("subscribers").asInt()).isEqualTo(subscribers);
        assertThat(row.get("msgs_per_sec").asDouble()).as(line).isPositive();
        assertThat(row.get("slots").isNull()).as(line).isEqualTo(!row.get("system").asText().equals("orrery"));
        assertThat(row.get("p50_us").asDouble()).as(line).isPositive()
                .isLessThanOrEqualTo(row.get("p99_us").asDouble());
        assertThat(row.get("p99_us").asDouble()).as(line).isLessThanOrEqualTo(row.get("p999_us").asDouble());
        assertThat(row.get("cpu_percent").asDouble()).as(line).isPositive();
        return row.get("system").asText() + " " + row.get("transport").asText() + " " + row.get("mode").asText();
    }

    @Test
    void shouldMeasureOrreryOverSharedMemoryAndTcpToTwoSubscribersLeavingNoFiles() throws Exception {
        Set<String> before = PairBenchEndToEndTest.benchFiles();
        BenchRun run = BenchRun.of("pubsub", "--transport", "all", "--subscribers", "2", "--json",
                "--warmup", "200ms", "--duration", "300ms");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            rows.add(assertMeasuredRow(line, 2));
        }
        assertThat(rows).containsExactly("orrery shm async", "orrery tcp async");
        assertThat(run.err()).contains("orrery shm subs=2 async: starting the publisher and 2 subscriber children…",
                        "orrery tcp subs=2 async flooding: warming up 200ms… measuring 300ms…",
                        "with 2 subscribers each message counts 2 times")
                .doesNotContain("!!");
        assertThat(PairBenchEndToEndTest.benchFiles()).isEqualTo(before);
    }

    @Test
    void shouldRunThePeersInTheirOwnModeBesideSynchronousOrrery() throws Exception {
        Set<String> before = PairBenchEndToEndTest.benchFiles();
        BenchRun run = BenchRun.of("pubsub", "--transport", "tcp", "--mode", "sync", "--peers", "jeromq,aeron",
                "--subscribers", "1", "--rate", "1000", "--warmup", "200ms", "--duration", "300ms");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("orrery  tcp", "jeromq  tcp", "aeron   ipc", " sync ", " async* ",
                "orrery tcp/jeromq: ", "orrery tcp/aeron: ", "* has no synchronous mode");
        assertThat(run.err()).doesNotContain("!!");
        assertThat(PairBenchEndToEndTest.benchFiles()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAPayloadTooSmallForTheTimeAndTheNumber() {
        BenchRun run = BenchRun.of("pubsub", "--payload", "8");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--payload must be from 16 bytes");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRefuseAPeerWithoutTopics() {
        BenchRun run = BenchRun.of("pubsub", "--peers", "grpc");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown peer 'grpc': the peers of bench pubsub are jeromq and aeron");
    }
}
