package dev.orrery.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.metrics.MethodMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A method's recorder, written by many threads while it is read. */
@Timeout(60)
class MethodRecorderTest {
    private final AtomicLong clock = new AtomicLong();
    private final MethodRecorder recorder = new MethodRecorder("test.svc", "work", clock::get);

    @Test
    void shouldSumEveryFigureOfCompletedCalls() {
        recorder.begin();
        recorder.begin();
        recorder.begin();
        recorder.end(1_000, 400, 10, 20, false);
        recorder.end(3_000, 0, 5, 0, true);

        MethodRecorder.Totals totals = recorder.totals();

        assertThat(totals).isEqualTo(new MethodRecorder.Totals(2, 1, 1, 400, 15, 20));
        MethodMetrics snapshot = recorder.snapshot();
        Histogram latencies = snapshot.latencyHistogram();
        assertThat(latencies.getTotalCount()).isEqualTo(2);
        assertThat(latencies.getMaxValue()).isBetween(2_970L, 3_030L);
        assertThat(latencies.getMinValue()).isBetween(990L, 1_010L);
        assertThat(recorder.snapshot().latency()).as("the next snapshot starts afresh").isEmpty();
    }

    @Test
    void shouldLoseNothingWhenManyThreadsWriteWhileSnapshotsAreTaken() throws Exception {
        int threads = 8;
        int callsEach = 200_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long latency = 1_000L * (t + 1);
            writers.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                for (int i = 0; i < callsEach; i++) {
                    recorder.begin();
                    recorder.end(latency, 1, 3, 4, i % 10 == 0);
                }
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Histogram harvested = LatencyHistograms.create();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                harvested.add(recorder.snapshot().latencyHistogram());
                assertThat(recorder.totals().inFlight()).isNotNegative();
            }
        });
        go.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        reader.join();
        harvested.add(recorder.snapshot().latencyHistogram());

        long calls = (long) threads * callsEach;
        MethodRecorder.Totals totals = recorder.totals();
        assertThat(totals.calls()).isEqualTo(calls);
        assertThat(totals.errors()).isEqualTo(calls / 10);
        assertThat(totals.inFlight()).isZero();
        assertThat(totals.busyNanos()).isEqualTo(calls);
        assertThat(totals.bytesIn()).isEqualTo(calls * 3);
        assertThat(totals.bytesOut()).isEqualTo(calls * 4);
        assertThat(harvested.getTotalCount()).as("every latency in exactly one snapshot").isEqualTo(calls);
        assertThat(harvested.getCountAtValue(8_000)).isEqualTo(callsEach);
    }

    @Test
    void shouldGiveQuantilesOfTheLastWindowOnly() {
        for (int i = 1; i <= 100; i++) {
            recorder.begin();
            recorder.end(i * 1_000L, 0, 0, 0, false);
        }

        assertThat(recorder.latencyAt(0.5)).as("the window starts with the first read").isBetween(49_000L, 51_000L);
        assertThat(recorder.latencyAt(0.99)).isBetween(98_000L, 100_000L);

        clock.addAndGet(30_000_000_000L);
        recorder.begin();
        recorder.end(500_000, 0, 0, 0, false);
        assertThat(recorder.latencyAt(0.999)).as("30 s on, both slices count").isBetween(495_000L, 505_000L);
        assertThat(recorder.latencyAt(0.5)).as("the 51st of 101, within 1 %").isBetween(50_000L, 52_000L);

        clock.addAndGet(40_000_000_000L);
        assertThat(recorder.latencyAt(0.5)).as("70 s on, the first slice has left").isBetween(495_000L, 505_000L);

        clock.addAndGet(60_000_000_000L);
        assertThat(recorder.latencyAt(0.5)).as("an empty window").isZero();
        assertThat(recorder.snapshot().latencyHistogram().getTotalCount())
                .as("quantiles take nothing from snapshots").isEqualTo(101);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
