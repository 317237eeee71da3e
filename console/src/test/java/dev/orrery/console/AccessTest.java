package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.supervisor.ConsoleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The token, the cookie it sets, and the refusal of requests from other sites. */
@Timeout(30)
class AccessTest {

    private static final String TOKEN = "s3cret-token-of-the-console";

    private static LiveServices services;

    @BeforeAll
    static void startServices() {
        services = LiveServices.start();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void shouldRequireTheTokenOnEveryPathWhenOneIsSet() {
        try (ConsoleUnderTest console = withToken()) {
            for (String path : new String[] {"/api/services", "/", "/static/console.css", "/metrics", "/nope"}) {
                HttpResponse<String> response = console.http.get(path);

                assertThat(response.statusCode()).as(path).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                        assertThat(value).startsWith("Bearer"));
                JsonNode error = Http.json(response);
                assertThat(error.get("status").asText()).isEqualTo("UNAUTHENTICATED");
                assertThat(error.get("error").asText()).startsWith("this console needs its token");
            }
        }
    }

    @Test
    void shouldAcceptTheTokenAsABearerAndRefuseAnotherOne() {
        try (ConsoleUnderTest console = withToken()) {
            HttpResponse<String> right = console.http.get("/api/services", "Authorization", "Bearer " + TOKEN);
            HttpResponse<String> wrong = console.http.get("/api/services", "Authorization", "Bearer " + TOKEN + "x");

            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(Http.json(wrong).get("error").asText()).startsWith("the token does not match");
        }
    }

    @Test
    void shouldTradeTheTokenInTheQueryForAStrictHttpOnlyCookie() {
        try (ConsoleUnderTest console = withToken()) {
            HttpResponse<String> page = console.http.get("/services/echo?token=" + TOKEN + "&x=1");

            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).hasValue("/services/echo?x=1");
            String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith(AccessCheck.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                    .doesNotContain(TOKEN);
            String pair = cookie.substring(0, cookie.indexOf(';'));

            assertThat(console.http.get("/api/services", "Cookie", pair).statusCode()).isEqualTo(200);
            assertThat(console.http.get("/services/echo", "Cookie", pair).statusCode()).isEqualTo(200);
            assertThat(console.http.get("/api/services", "Cookie", AccessCheck.COOKIE + "=forged").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> api = console.http.get("/api/services?token=" + TOKEN);
            assertThat(api.statusCode()).as("the API answers at once, for curl").isEqualTo(200);
            assertThat(api.headers().firstValue("Set-Cookie")).isPresent();
        }
    }

    @Test
    void shouldRefuseAnActionFromAnotherSite() {
        try (ConsoleUnderTest console = ConsoleUnderTest.start(services)) {
            int port = console.console.uri().getPort();
            HttpResponse<String> otherOrigin = console.http.post("/api/services/echo/stop", "",
                    "Origin", "http://evil.example");
            HttpResponse<String> otherPort = console.http.post("/api/services/echo/stop", "",
                    "Origin", "http://127.0.0.1:" + (port == 1 ? 2 : port - 1));
            HttpResponse<String> crossSite = console.http.post("/api/services/echo/stop", "",
                    "Sec-Fetch-Site", "cross-site");
            HttpResponse<String> sameSite = console.http.post("/api/call/demo.echo/echo", "[\"hi\"]",
                    "Sec-Fetch-Site", "same-site");

            for (HttpResponse<String> response : List.of(otherOrigin, otherPort, crossSite, sameSite)) {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(Http.json(response).get("status").asText()).isEqualTo("PERMISSION_DENIED");
                assertThat(Http.json(response).get("error").asText()).contains("came from another site");
            }
            assertThat(console.supervisor.actions()).isEmpty();
        }
    }

    @Test
    void shouldAcceptAnActionFromOutsideABrowser() {
        try (ConsoleUnderTest console = ConsoleUnderTest.start(services)) {
            assertThat(console.http.post("/api/services/echo/stop", "").statusCode()).isEqualTo(200);
            assertThat(console.supervisor.actions()).containsExactly("stop echo");
        }
    }

    @Test
    void shouldRefuseAHostNameItWasNotOpenedByWithoutAToken() throws IOException {
        try (ConsoleUnderTest console = ConsoleUnderTest.start(services)) {
            int port = console.console.uri().getPort();

            assertThat(statusLine(port, "rebound.example:" + port)).startsWith("HTTP/1.1 403");
            assertThat(statusLine(port, "localhost:" + port)).startsWith("HTTP/1.1 200");
            assertThat(statusLine(port, "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void shouldServeUnderAnyHostNameWithTheToken() throws IOException {
        try (ConsoleUnderTest console = withToken()) {
            int port = console.console.uri().getPort();

            assertThat(statusLine(port, "console.example:" + port, "Authorization: Bearer " + TOKEN))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void shouldRefuseToListenBeyondThisHostWithoutAToken() {
        ConsoleSettings open = new ConsoleSettings("0.0.0.0", 0, Optional.empty());

        assertThatThrownBy(() -> ConsoleUnderTest.start(services.supervisor(), open, ConsoleUnderTest.LIMITS))
                .isInstanceOfSatisfying(OrreryException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT);
                    assertThat(e.description()).contains("set [console] token, or bind 127.0.0.1");
                });
    }

    @Test
    void shouldListenOnEveryAddressWithATokenAndNameTheLoopbackOne() {
        ConsoleSettings everywhere = new ConsoleSettings("0.0.0.0", 0, Optional.of(TOKEN));

        try (ConsoleUnderTest console = ConsoleUnderTest.start(services.supervisor(), everywhere,
                ConsoleUnderTest.LIMITS)) {
            assertThat(console.console.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(console.http.get("/api/services", "Authorization", "Bearer " + TOKEN).statusCode())
                    .isEqualTo(200);
        }
    }

    private static ConsoleUnderTest withToken() {
        return ConsoleUnderTest.start(services.supervisor(), new ConsoleSettings("127.0.0.1", 0, Optional.of(TOKEN)),
                ConsoleUnderTest.LIMITS);
    }

    /** Sends GET /api/services with a Host header of its own, which the JDK's client does not let one set. */
    private static String statusLine(int port, String host, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder("GET /api/services HTTP/1.1\r\nHost: ").append(host)
                    .append("\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf('\r'));
        }
    }
}
