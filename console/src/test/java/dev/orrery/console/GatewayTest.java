package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.Registration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/call/{service}/{method}} calls real services through the name server. */
@Timeout(30)
class GatewayTest {

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
    void shouldCallAServiceWithAJsonArrayAndAnswerItsJsonResult() {
        HttpResponse<String> response = console.http.post("/api/call/demo.echo/echo", "[\"hi\"]");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.JSON);
        assertThat(response.body()).isEqualTo("\"hi\"");
    }

    @Test
    void shouldCallMethodsWithSeveralArgumentsAndNone() {
        console.http.post("/api/call/demo.kv/put", "[\"colour\", \"blue\"]");

        assertThat(console.http.post("/api/call/demo.kv/get", "[\"colour\"]").body()).isEqualTo("\"blue\"");
        assertThat(console.http.post("/api/call/demo.kv/size", "").body()).isEqualTo("1");
        assertThat(console.http.post("/api/call/demo.calc/sum", "[[1, 2, 3]]").body()).isEqualTo("6");
    }

    @Test
    void shouldPassOverAnInstanceThatCannotBeReached() throws IOException {
        Registration stale = services.nameServer().service().register(new InstanceSpec("demo.echo",
                List.of(freeEndpoint()), Map.of("node", "gone"), InstanceSpec.DEFAULT_TTL_MILLIS));
        try {
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = console.http.post("/api/call/demo.echo/echo", "[\"" + i + "\"]");

                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("\"" + i + "\"");
            }
        } finally {
            services.nameServer().service().deregister(stale.instanceId(), stale.ownerToken());
        }
    }

    @Test
    void shouldAnswerUnavailableWhenNoListedInstanceAnswers() throws IOException {
        String gone = freeEndpoint();
        Registration stale = services.nameServer().service().register(new InstanceSpec("demo.gone",
                List.of(gone), Map.of(), InstanceSpec.DEFAULT_TTL_MILLIS));
        try {
            HttpResponse<String> response = console.http.post("/api/call/demo.gone/anything", "[]");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode error = Http.json(response);
            assertThat(error.get("status").asText()).isEqualTo("UNAVAILABLE");
            assertThat(error.get("error").asText()).startsWith("no instance of demo.gone answered; tried 1 [" + gone
                    + "]");
        } finally {
            services.nameServer().service().deregister(stale.instanceId(), stale.ownerToken());
        }
    }

    @Test
    void shouldAnswerAServiceWithoutInstancesWithNotFound() {
        HttpResponse<String> response = console.http.post("/api/call/demo.nope/echo", "[]");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = Http.json(response);
        assertThat(error.get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.get("error").asText()).startsWith("no instance of demo.nope is registered");
    }

    @Test
    void shouldAnswerAnUnknownMethodWithNotFoundNamingTheMethods() {
        HttpResponse<String> response = console.http.post("/api/call/demo.echo/shout", "[\"hi\"]");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("error").asText())
                .isEqualTo("demo.echo has no method 'shout'; its methods are echo, echoBytes");
    }

    @Test
    void shouldAnswerABodyThatIsNotAJsonArrayWithBadRequest() {
        HttpResponse<String> object = console.http.post("/api/call/demo.echo/echo", "{\"text\": \"hi\"}");
        HttpResponse<String> broken = console.http.post("/api/call/demo.echo/echo", "[\"hi\"");

        assertThat(object.statusCode()).isEqualTo(400);
        assertThat(Http.json(object).get("error").asText()).isEqualTo("the body must be a JSON array with one "
                + "element per parameter, such as [\"hi\"]; got object");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Http.json(broken).get("status").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void shouldPassOnTheServicesOwnStatus() {
        HttpResponse<String> response = console.http.post("/api/call/demo.echo/echo", "[1, 2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void shouldAnswerACallOverItsDeadlineWithGatewayTimeout() {
        HttpResponse<String> response = console.http.post("/api/call/demo.calc/sleep?deadline=200ms", "[5000]");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(Http.json(response).get("status").asText()).isEqualTo("DEADLINE_EXCEEDED");
    }

    @Test
    void shouldAnswerABadDeadlineWithBadRequest() {
        HttpResponse<String> response = console.http.post("/api/call/demo.echo/echo?deadline=soon", "[\"hi\"]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("error").asText()).isEqualTo("deadline must be a duration such as 500ms, "
                + "5s or 2m, longer than zero and at most 300s; got 'soon'");
    }

    @Test
    void shouldRefuseAGetOfTheGateway() {
        assertThat(console.http.get("/api/call/demo.echo/echo").statusCode()).isEqualTo(405);
    }

    private static String freeEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
