package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bench rpc --transport all} for real: Orrery over shared memory and TCP, then the raw floor. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ShmBenchEndToEndTest {

    @Test
    void shouldMeasureOrreryOverBothTransportsAndTheFloorLeavingNoFiles() throws Exception {
        Set<String> before = PairBenchEndToEndTest.benchFiles();
        BenchRun run = BenchRun.of("rpc", "--transport", "all", "--idle", "busy-spin", "--payload", "4096",
                "--json", "--warmup", "200ms", "--duration", "300ms");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            JsonNode row = JsonRowsTest.assertMeasuredRow(line);
            assertThat(row.get("payload").asInt()).isEqualTo(4096);
            rows.add(row.get("system").asText() + " " + row.get("transport").asText());
        }
        assertThat(rows).containsExactly("orrery shm", "orrery tcp", "floor mmap");
        assertThat(run.err()).contains("orrery shm c=1: connecting… warming up 200ms… measuring 300ms…",
                "c=1 orrery shm/floor: ", "c=1 orrery tcp/floor: ");
        assertThat(PairBenchEndToEndTest.benchFiles()).isEqualTo(before);
    }
}
