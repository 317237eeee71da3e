package dev.orrery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A service whose methods exercise every kind of call and every shape of type. */
@Service("test.probe")
public interface Probe {

    String echo(String text);

    byte[] echoBytes(byte[] bytes);

    Shape shape(Shape shape);

    Map<String, List<Point>> group(List<Point> points);

    Optional<Instant> later(Optional<Instant> when, long seconds);

    CompletableFuture<String> upperAsync(String text);

    long sleep(long millis);

    CompletableFuture<Long> sleepAsync(long millis);

    @OneWay
    void record(int value);

    int recordedSum();

    String fail(String kind);

    @Deadline(millis = 150)
    long sleepBriefly(long millis);

    /** A point. */
    record Point(int x, int y, Color color) {
    }

    /** A shape of nested values. */
    record Shape(String name, List<Point> corners, Map<String, Double> tags) {
    }

    /** A color. */
    enum Color { RED, GREEN }
}
