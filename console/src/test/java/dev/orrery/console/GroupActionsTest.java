package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, stop and restart reach the supervisor, and answer with the group as it then stands. */
@Timeout(30)
class GroupActionsTest {

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
    void shouldStopAGroupAndAnswerWithItsNewStatus() {
        HttpResponse<String> response = console.http.post("/api/services/echo/stop", "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode group = Http.json(response);
        assertThat(group.get("name").asText()).isEqualTo("echo");
        assertThat(group.get("action").asText()).isEqualTo("stop");
        assertThat(group.get("status").asText()).isEqualTo("stopped");
        assertThat(console.supervisor.actions()).containsExactly("stop echo");
        assertThat(Http.json(console.http.get("/api/services/echo")).get("status").asText()).isEqualTo("stopped");
    }

    @Test
    void shouldStartAStoppedGroup() {
        console.http.post("/api/services/kv/stop", "");

        JsonNode group = Http.json(console.http.post("/api/services/kv/start", ""));

        assertThat(group.get("status").asText()).isEqualTo("running");
        assertThat(console.supervisor.actions()).containsExactly("stop kv", "start kv");
    }

    @Test
    void shouldRestartAGroup() {
        JsonNode group = Http.json(console.http.post("/api/services/calc/restart", ""));

        assertThat(group.get("workers").get(0).get("restarts").asInt()).isEqualTo(1);
        assertThat(console.supervisor.actions()).containsExactly("restart calc");
    }

    @Test
    void shouldAcceptAnActionFromTheConsolesOwnPages() {
        String origin = "http://127.0.0.1:" + console.console.uri().getPort();

        HttpResponse<String> response = console.http.post("/api/services/echo/restart", "",
                "Origin", origin, "Sec-Fetch-Site", "same-origin");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(console.supervisor.actions()).containsExactly("restart echo");
    }
}
