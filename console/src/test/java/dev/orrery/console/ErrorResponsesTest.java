package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every error has a status code that says what kind it is, and a JSON body that says what would be valid. */
@Timeout(30)
class ErrorResponsesTest {

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
    void shouldAnswerAnUnknownGroupWithNotFoundNamingTheGroupsThereAre() {
        for (HttpResponse<String> response : List.of(
                console.http.get("/api/services/nope"),
                console.http.get("/api/services/nope/history"),
                console.http.get("/api/services/nope/logs"),
                console.http.post("/api/services/nope/stop", ""),
                console.http.get("/api/logs?group=nope"))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
            JsonNode error = Http.json(response);
            assertThat(error.get("status").asText()).isEqualTo("NOT_FOUND");
            assertThat(error.get("error").asText()).isEqualTo("no service group 'nope'; the groups are echo, kv, calc");
        }
        assertThat(console.supervisor.actions()).isEmpty();
    }

    @Test
    void shouldAnswerAnUnknownPathWithNotFound() {
        HttpResponse<String> response = console.http.get("/api/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldAnswerTheWrongMethodWithMethodNotAllowedAndTheAllowedOnes() {
        HttpResponse<String> get = console.http.get("/api/services/echo/stop");
        HttpResponse<String> post = console.http.post("/api/services", "");

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(Http.json(get).get("error").asText()).isEqualTo("GET is not allowed on /api/services/echo/stop; "
                + "it allows POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(console.supervisor.actions()).isEmpty();
    }

    @Test
    void shouldAnswerABadLimitWithBadRequestSayingWhatIsValid() {
        HttpResponse<String> words = console.http.get("/api/logs?limit=many");
        HttpResponse<String> tooMany = console.http.get("/api/services/echo/logs?limit=100000");

        assertThat(words.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(words);
        assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("error").asText())
                .isEqualTo("limit must be a whole number from 1 to 10000, such as ?limit=200; got 'many'");
        assertThat(tooMany.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRefuseABodyLargerThanTheBound() {
        HttpResponse<String> response = console.http.post("/api/call/demo.echo/echo",
                "[\"" + "x".repeat(2 << 20) + "\"]");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    }
}
