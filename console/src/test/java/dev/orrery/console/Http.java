package dev.orrery.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's HTTP client, pointed at a console, for tests. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    /**
     * GETs a path.
     *
     * @param path    such as {@code /api/services}
     * @param headers name, value, name, value...
     * @return the response
     */
    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /**
     * POSTs a body to a path.
     *
     * @param path    such as {@code /api/services/echo/stop}
     * @param body    the body
     * @param headers name, value, name, value...
     * @return the response
     */
    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    HttpClient client() {
        return client;
    }

    /**
     * Reads a response's JSON body.
     *
     * @param response the response
     * @return the JSON tree
     */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonViews.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
