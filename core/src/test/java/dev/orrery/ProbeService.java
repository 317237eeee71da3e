package dev.orrery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The implementation of {@link Probe}, recording what tests need to observe. */
final class ProbeService implements Probe {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final AtomicInteger recorded = new AtomicInteger();
    final AtomicInteger recordCalls = new AtomicInteger();
    final CountDownLatch interrupted = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public String echo(String text) {
        return text;
    }

    @Override
    public byte[] echoBytes(byte[] bytes) {
        return bytes;
    }

    @Override
    public Shape shape(Shape shape) {
        return shape;
    }

    @Override
    public Map<String, List<Point>> group(List<Point> points) {
        return points.stream().collect(Collectors.groupingBy(p -> p.color().name()));
    }

    @Override
    public Optional<Instant> later(Optional<Instant> when, long seconds) {
        return when.map(instant -> instant.plusSeconds(seconds));
    }

    @Override
    public CompletableFuture<String> upperAsync(String text) {
        return CompletableFuture.supplyAsync(text::toUpperCase);
    }

    @Override
    public long sleep(long millis) {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            gate.await();
            Thread.sleep(millis);
            return millis;
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw new IllegalStateException("interrupted", e);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public CompletableFuture<Long> sleepAsync(long millis) {
        return CompletableFuture.supplyAsync(() -> millis,
                CompletableFuture.delayedExecutor(millis, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Override
    public void record(int value) {
        recorded.addAndGet(value);
        recordCalls.incrementAndGet();
    }

    @Override
    public int recordedSum() {
        return recorded.get();
    }

    @Override
    public String fail(String kind) {
        return switch (kind) {
            case "argument" -> throw new IllegalArgumentException("kind must be polite");
            case "state" -> throw new IllegalStateException("the probe is in a bad mood");
            case "orrery" -> throw new OrreryException(Status.PERMISSION_DENIED, "not for you");
            default -> kind;
        };
    }

    @Override
    public long sleepBriefly(long millis) {
        return sleep(millis);
    }
}
