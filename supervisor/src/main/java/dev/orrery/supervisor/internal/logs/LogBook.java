package dev.orrery.supervisor.internal.logs;

import dev.orrery.Subscription;
import dev.orrery.supervisor.LogLine;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest lines of every group's workers, and of the supervisor's own account of them, kept in memory for
 * the console: a ring of {@code capacity} lines, the oldest dropped first, and live tails.
 *
 * <p>Thread-safe. Lines are numbered and stamped under one lock, so their {@code seq} and {@code time} both rise
 * in the order they were added. Tails are called under that lock too, on the thread that adds the line: each
 * sink sees its lines in {@code seq} order, one at a time. A sink must therefore not block, and must not add
 * lines itself; one that throws is closed and logged, and neither the other sinks nor the adder notice.
 *
 * <p>To show the latest lines and then follow without a gap or a repeat, open the tail first, read {@link
 * #latest}, and drop the tail's lines whose {@code seq} is not above the last one read.
 */
public final class LogBook {
    private static final Logger LOG = LoggerFactory.getLogger(LogBook.class);

    private final InstantSource clock;
    private final Object lock = new Object();
    /** Guarded by lock: the ring; the newest line is at {@code (next - 1) mod capacity}. */
    private final LogLine[] ring;
    private int next;
    private int size;
    private long seq;
    private final List<Tail> tails = new CopyOnWriteArrayList<>();

    /**
     * Makes an empty log book.
     *
     * @param capacity how many lines it keeps, at least 1
     * @param clock    stamps each line as it is added
     */
    public LogBook(int capacity, InstantSource clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.ring = new LogLine[capacity];
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Keeps a line, dropping the oldest when full, and hands it to the tails of its group and of every group.
     *
     * @param group  the group whose worker wrote it
     * @param pid    the worker's process id; 0 for the supervisor's own lines
     * @param stream {@code stdout}, {@code stderr}, or {@code supervisor}
     * @param text   the line, without its line break
     * @return the line as kept, with its number and time
     */
    public LogLine add(String group, long pid, String stream, String text) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(text, "text");
        synchronized (lock) {
            LogLine line = new LogLine(++seq, clock.instant(), group, pid, stream, text);
            ring[next] = line;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
            for (Tail tail : tails) {
                tail.offer(line);
            }
            return line;
        }
    }

    /**
     * The latest lines kept.
     *
     * @param group the group, or {@code null} for every group
     * @param limit the most lines to return
     * @return up to {@code limit} lines, oldest first
     */
    public List<LogLine> latest(String group, int limit) {
        List<LogLine> lines = new ArrayList<>();
        synchronized (lock) {
            for (int i = 1; i <= size && lines.size() < limit; i++) {
                LogLine line = ring[Math.floorMod(next - i, ring.length)];
                if (group == null || group.equals(line.group())) {
                    lines.add(line);
                }
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    /**
     * Hands each line added from now on to a sink, until closed.
     *
     * @param group the group, or {@code null} for every group
     * @param sink  called on the adding thread, under the book's lock: it must not block
     * @return closes the tail; closing it again does nothing
     */
    public Subscription tail(String group, Consumer<LogLine> sink) {
        Tail tail = new Tail(group, Objects.requireNonNull(sink, "sink"));
        tails.add(tail);
        return () -> tails.remove(tail);
    }

    /** One tail; compared by identity, so that closing one never closes another with the same sink. */
    private final class Tail {
        private final String group;
        private final Consumer<LogLine> sink;

        Tail(String group, Consumer<LogLine> sink) {
            this.group = group;
            this.sink = sink;
        }

        void offer(LogLine line) {
            if (group != null && !group.equals(line.group())) {
                return;
            }
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                tails.remove(this);
                LOG.warn("A tail of the logs of {} failed and is closed", group == null ? "every group" : group, e);
            }
        }
    }
}
