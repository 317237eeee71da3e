package dev.orrery.supervisor.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Subscription;
import dev.orrery.supervisor.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory record of the latest lines: bounded, in order, by group, and tailed live. */
@Timeout(20)
class LogBookTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the test moves by hand. */
    private static final class HandClock implements InstantSource {
        private Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final HandClock clock = new HandClock();
    private final LogBook book = new LogBook(5, clock);

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void shouldNumberAndStampEachLine() {
        LogLine first = book.add("echo", 11, "stdout", "one");
        clock.advance(Duration.ofSeconds(1));
        LogLine second = book.add("calc", 12, "stderr", "two");

        assertThat(first).isEqualTo(new LogLine(1, T0, "echo", 11, "stdout", "one"));
        assertThat(second).isEqualTo(new LogLine(2, T0.plusSeconds(1), "calc", 12, "stderr", "two"));
    }

    @Test
    void shouldKeepOnlyTheLatestLinesOldestFirst() {
        for (int n = 1; n <= 8; n++) {
            book.add("echo", 11, "stdout", "line " + n);
        }

        assertThat(texts(book.latest(null, 100))).containsExactly("line 4", "line 5", "line 6", "line 7", "line 8");
        assertThat(texts(book.latest(null, 2))).containsExactly("line 7", "line 8");
        assertThat(book.latest(null, 0)).isEmpty();
        assertThat(book.latest(null, 100)).extracting(LogLine::seq).containsExactly(4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void shouldFilterByGroup() {
        book.add("echo", 11, "stdout", "e1");
        book.add("calc", 12, "stdout", "c1");
        book.add("echo", 11, "stderr", "e2");
        book.add("calc", 12, "stdout", "c2");
        book.add("echo", 0, "supervisor", "e3");

        assertThat(texts(book.latest("echo", 100))).containsExactly("e1", "e2", "e3");
        assertThat(texts(book.latest("echo", 2))).containsExactly("e2", "e3");
        assertThat(texts(book.latest("calc", 100))).containsExactly("c1", "c2");
        assertThat(book.latest("nope", 100)).isEmpty();
    }

    @Test
    void shouldHandLaterLinesToTailsOfTheirGroupAndOfEveryGroup() {
        book.add("echo", 11, "stdout", "before");
        List<String> echo = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Subscription echoTail = book.tail("echo", line -> echo.add(line.text()));
        book.tail(null, line -> all.add(line.text()));

        book.add("echo", 11, "stdout", "e1");
        book.add("calc", 12, "stdout", "c1");
        echoTail.close();
        echoTail.close();
        book.add("echo", 11, "stdout", "e2");

        assertThat(echo).containsExactly("e1");
        assertThat(all).containsExactly("e1", "c1", "e2");
    }

    @Test
    void shouldCloseAThrowingTailWithoutTroublingTheOthersOrTheAdder() {
        List<String> good = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        book.tail(null, line -> {
            failing.add(line.text());
            throw new IllegalStateException("sink broke");
        });
        book.tail(null, line -> good.add(line.text()));

        LogLine added = book.add("echo", 11, "stdout", "one");
        book.add("echo", 11, "stdout", "two");

        assertThat(added.text()).isEqualTo("one");
        assertThat(failing).containsExactly("one");
        assertThat(good).containsExactly("one", "two");
    }

    @Test
    void shouldTreatTheSameSinkTailedTwiceAsTwoTails() {
        List<String> seen = new ArrayList<>();
        Consumer<LogLine> sink = line -> seen.add(line.text());
        Subscription first = book.tail(null, sink);
        book.tail(null, sink);

        first.close();
        book.add("echo", 11, "stdout", "one");

        assertThat(seen).containsExactly("one");
    }

    @Test
    void shouldHandEachTailItsLinesInOrderUnderConcurrentAdders() throws Exception {
        AtomicLong ticks = new AtomicLong();
        LogBook shared = new LogBook(1000, () -> T0.plusNanos(ticks.incrementAndGet()));
        List<Long> seqs = new CopyOnWriteArrayList<>();
        shared.tail(null, line -> seqs.add(line.seq()));
        int adders = 4;
        int perAdder = 5000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(adders);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int a = 0; a < adders; a++) {
                String group = "g" + a;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < perAdder; n++) {
                        shared.add(group, 1, "stdout", "line " + n);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(seqs).hasSize(adders * perAdder).isSorted().doesNotHaveDuplicates();
        List<LogLine> latest = shared.latest(null, 1000);
        assertThat(latest).hasSize(1000);
        assertThat(latest.getLast().seq()).isEqualTo(adders * perAdder);
        // Stamped under the same lock as numbered: times rise with seq.
        assertThat(latest).extracting(LogLine::time).isSorted();
    }
}
