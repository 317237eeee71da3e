package dev.orrery.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a stream of server-sent events on a thread of its own, for tests. */
final class EventReader implements AutoCloseable {

    /** One event: its type, id and data. */
    record Event(String type, String id, String data) {
        JsonNode json() {
            try {
                return JsonViews.MAPPER.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private EventReader(HttpResponse<InputStream> response) {
        this.response = response;
    }

    /**
     * Opens a stream.
     *
     * @param http    the client
     * @param path    such as {@code /api/events}
     * @param headers name, value...
     * @return the reader, reading
     */
    static EventReader open(Http http, String path, String... headers) {
        HttpRequest request = http.request(path, headers).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        EventReader reader = new EventReader(response);
        Thread.ofVirtual().name("event-reader").start(reader::read);
        return reader;
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String type = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(type, id, data.toString()));
                    }
                    type = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // the stream was cut: that ends it as well
        } finally {
            ended.countDown();
        }
    }

    /**
     * Waits for the next event of a type, skipping others.
     *
     * @param type such as {@code services}
     * @return the event
     * @throws AssertionError when none comes within 10 s
     */
    Event next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no '" + type + "' event within 10 s");
            }
            if (event.type().equals(type)) {
                return event;
            }
        }
    }

    /**
     * Waits for the server to end the stream.
     *
     * @param timeout how long to wait
     * @return whether it ended
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the connection from this side, as a browser leaving the page does. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
