package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.supervisor.GroupStatus;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JSON shapes of the service groups' part of the API. */
@Timeout(30)
class ServicesApiTest {

    private static LiveServices services;
    private ConsoleUnderTest console;

    @BeforeAll
    static void startServices() {
        services = LiveServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @BeforeEach
    void startConsole() {
        console = ConsoleUnderTest.start(services);
    }

    @AfterEach
    void closeConsole() {
        console.close();
    }

    @Test
    void shouldListEveryGroupWithItsStatusWorkersAndInstances() {
        console.supervisor.status("calc", GroupStatus.CRASHED, "crashed 5 times within 60 s");

        HttpResponse<String> response = console.http.get("/api/services");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.JSON);
        JsonNode groups = Http.json(response);
        assertThat(groups.isArray()).isTrue();
        assertThat(names(groups)).containsExactly("echo", "kv", "calc");
        JsonNode echo = groups.get(0);
        assertThat(echo.get("status").asText()).isEqualTo("running");
        assertThat(echo.get("workers")).hasSize(2);
        JsonNode worker = echo.get("workers").get(0);
        assertThat(worker.get("pid").isIntegralNumber()).isTrue();
        assertThat(worker.get("status").asText()).isEqualTo("running");
        assertThat(worker.get("restarts").asInt()).isZero();
        assertThat(echo.get("instances")).hasSize(1);
        assertThat(echo.get("instances").get(0).get("service").asText()).isEqualTo("demo.echo");
        assertThat(echo.get("instances").get(0).get("endpoints").get(0).asText()).startsWith("tcp://127.0.0.1:");
        JsonNode calc = groups.get(2);
        assertThat(calc.get("status").asText()).isEqualTo("crashed");
        assertThat(calc.get("reason").asText()).isEqualTo("crashed 5 times within 60 s");
        assertThat(calc.get("workers")).isEmpty();
        assertThat(calc.get("p99Micros").isNull()).as("a figure not known is null, not NaN").isTrue();
    }

    @Test
    void shouldShowOneGroupWithItsFiguresAndMethods() {
        JsonNode echo = Http.json(console.http.get("/api/services/echo"));

        assertThat(echo.get("name").asText()).isEqualTo("echo");
        assertThat(fields(echo)).contains("name", "status", "reason", "minWorkers", "maxWorkers", "workers",
                "instances", "cpuPercent", "rssBytes", "callsPerSecond", "p99Micros", "errors", "methods");
        assertThat(echo.get("minWorkers").asInt()).isEqualTo(1);
        assertThat(echo.get("maxWorkers").asInt()).isEqualTo(3);
        assertThat(echo.get("methods").get(0).get("method").asText()).isEqualTo("echo");
        assertThat(fields(echo.get("methods").get(0))).containsExactly("service", "method", "calls", "errors",
                "inFlight", "callsPerSecond", "p50Micros", "p99Micros", "p999Micros", "bytesIn", "bytesOut");
        JsonNode instance = echo.get("instances").get(0);
        assertThat(fields(instance)).contains("id", "service", "group", "endpoints", "metadata", "ttlMillis",
                "registeredAt", "lastRenewedAt", "expiresAt");
        assertThat(instance.get("group").asText()).isEqualTo("echo");
    }

    @Test
    void shouldGiveAGroupsHistoryOldestFirst() {
        console.supervisor.sample("kv", 1234.5);

        JsonNode history = Http.json(console.http.get("/api/services/kv/history"));

        assertThat(history.size()).isEqualTo(121);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("callsPerSecond").asDouble()).isEqualTo(1234.5);
        assertThat(fields(last)).containsExactly("time", "callsPerSecond", "p50Micros", "p99Micros", "p999Micros",
                "cpuPercent", "rssBytes", "workers");
        assertThat(history.get(0).get("time").asText()).isLessThan(last.get("time").asText());
    }

    @Test
    void shouldGiveTheLatestLogLinesOfAGroupOrOfEvery() {
        console.supervisor.log("kv", "stdout", "first");
        console.supervisor.log("echo", "stdout", "elsewhere");
        console.supervisor.log("kv", "stderr", "second");

        JsonNode kv = Http.json(console.http.get("/api/services/kv/logs?limit=2"));
        JsonNode all = Http.json(console.http.get("/api/logs?limit=3"));
        JsonNode filtered = Http.json(console.http.get("/api/logs?group=kv&limit=1"));

        assertThat(texts(kv)).containsExactly("first", "second");
        assertThat(fields(kv.get(1))).containsExactly("seq", "time", "group", "pid", "stream", "text");
        assertThat(kv.get(1).get("stream").asText()).isEqualTo("stderr");
        assertThat(texts(all)).containsExactly("first", "elsewhere", "second");
        assertThat(texts(filtered)).containsExactly("second");
    }

    @Test
    void shouldListScaleDecisionsWithTheirReasons() {
        JsonNode all = Http.json(console.http.get("/api/decisions"));
        JsonNode echo = Http.json(console.http.get("/api/services/echo/decisions"));
        JsonNode kv = Http.json(console.http.get("/api/decisions?group=kv"));

        assertThat(all).hasSize(1);
        assertThat(echo).hasSize(1);
        assertThat(kv).isEmpty();
        JsonNode decision = all.get(0);
        assertThat(decision.get("action").asText()).isEqualTo("add");
        assertThat(decision.get("from").asInt()).isEqualTo(1);
        assertThat(decision.get("to").asInt()).isEqualTo(2);
        assertThat(decision.get("reason").asText()).contains("p99 latency");
    }

    @Test
    void shouldListTheNameServersInstancesLeasesAndWatches() {
        JsonNode nameServer = Http.json(console.http.get("/api/nameserver"));

        assertThat(fields(nameServer.get("stats"))).containsExactly("version", "uptimeMillis", "services",
                "instances", "watches", "revision");
        assertThat(nameServer.get("stats").get("instances").asInt()).isEqualTo(3);
        List<String> services = new ArrayList<>();
        nameServer.get("instances").forEach(instance -> services.add(instance.get("service").asText()));
        assertThat(services).containsExactlyInAnyOrderElementsOf(LiveServices.SERVICES);
        JsonNode instance = nameServer.get("instances").get(0);
        assertThat(instance.get("ttlMillis").asLong()).isPositive();
        assertThat(instance.get("expiresAt").asText()).endsWith("Z");
        assertThat(instance.get("group").asText()).isIn("echo", "kv", "calc");
    }

    private static List<String> names(JsonNode groups) {
        List<String> names = new ArrayList<>();
        groups.forEach(group -> names.add(group.get("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode lines) {
        List<String> texts = new ArrayList<>();
        lines.forEach(line -> texts.add(line.get("text").asText()));
        return texts;
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
