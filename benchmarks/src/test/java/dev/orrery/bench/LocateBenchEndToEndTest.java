package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole of {@code bench locate}, briefly: a name server and two echo servers in child JVMs, every scenario. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocateBenchEndToEndTest {

    @Test
    void shouldPrintARowOfSuccessfulCallsForEveryScenarioAsJsonLines() throws Exception {
        BenchRun run = BenchRun.of("locate", "--json", "--warmup", "200ms", "--duration", "300ms",
                "--concurrency", "1", "--transport", "tcp");

        assertThat(run.exit()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        List<String> systems = new ArrayList<>();
        for (String line : lines) {
            JsonRowsTest.assertWellFormedRow(line);
            JsonNode row = new ObjectMapper().readTree(line);
            systems.add(row.get("system").asText());
            assertThat(row.get("transport").asText()).isEqualTo("tcp");
            assertThat(row.get("concurrency").asInt()).isEqualTo(1);
            assertThat(row.get("calls_per_sec").asDouble()).as(line).isPositive();
            assertThat(row.get("p50_us").asDouble()).as(line).isPositive();
            int payload = systems.getLast().equals("nameserver-lookup") ? 0 : 64;
            assertThat(row.get("payload").asInt()).isEqualTo(payload);
        }
        assertThat(systems).containsExactly("orrery-call", "orrery-locate+call", "orrery-locate-cold+call",
                "nameserver-lookup");
        assertThat(run.err())
                .contains("demo.echo at [tcp://127.0.0.1:", "and 8 decoy instances of other services")
                .contains("c=1 orrery-locate+call vs orrery-call: p50 ")
                .contains("c=1 orrery-locate-cold+call vs orrery-call: p50 ")
                .contains("nameserver-lookup: at best ", "nameserver-lookup c=1: ", " µs of name-server CPU per lookup")
                .doesNotContain("!!");
    }

    @Test
    void shouldCompareLocatedAndPlainCallsInThisJvmOverTheInJvmTransport() throws Exception {
        BenchRun run = BenchRun.of("locate", "--json", "--warmup", "200ms", "--duration", "300ms",
                "--concurrency", "1,2", "--transport", "inproc");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            JsonRowsTest.assertWellFormedRow(line);
            JsonNode row = new ObjectMapper().readTree(line);
            assertThat(row.get("transport").asText()).isEqualTo("inproc");
            assertThat(row.get("calls_per_sec").asDouble()).as(line).isPositive();
            rows.add(row.get("system").asText() + " c=" + row.get("concurrency").asInt());
        }
        assertThat(rows).containsExactly("orrery-call c=1", "orrery-locate+call c=1", "orrery-locate-cold+call c=1",
                "orrery-call c=2", "orrery-locate+call c=2", "orrery-locate-cold+call c=2");
        assertThat(run.err())
                .contains("inproc: demo.echo at [inproc://bench-locate-echo-")
                .contains("inproc c=1 orrery-locate+call vs orrery-call: p50 ")
                .contains("inproc c=2 orrery-locate-cold+call vs orrery-call: p50 ")
                .doesNotContain("nameserver-lookup", "!!");
    }
}
