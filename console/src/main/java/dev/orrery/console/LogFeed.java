package dev.orrery.console;

import dev.orrery.Subscription;
import dev.orrery.supervisor.LogLine;
import dev.orrery.supervisor.SupervisorControl;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed of {@code GET /api/logs/stream}: the latest lines first, then each new line as the supervisor reads it,
 * each once and in order. Lines come from the supervisor's tail thread; the hub's ticks have nothing to add.
 */
final class LogFeed implements Feed {

    /** Lines held while the backlog is read; beyond this many they are dropped and counted like a slow peer's. */
    private static final int MAX_PENDING = 10_000;

    private final SseStream stream;
    private final Object lock = new Object();
    /** Lines that arrived while the backlog was read, or {@code null} once live; guarded by {@link #lock}. */
    private List<LogLine> pending = new ArrayList<>();
    /** The last line sent; guarded by {@link #lock}. */
    private long lastSeq;
    private volatile Subscription tail;

    private LogFeed(SseStream stream) {
        this.stream = stream;
    }

    /**
     * Opens the tail first and reads the backlog after, so that no line falls between them; a line that both hold
     * is sent once.
     *
     * @param stream   the stream to fill
     * @param control  the supervisor
     * @param group    the group, or {@code null} for every group
     * @param backlog  how many of the latest lines to send first
     * @param afterSeq send only lines after this one, as a reconnecting browser asks; {@code -1} for none
     * @return the running feed
     */
    static LogFeed open(SseStream stream, SupervisorControl control, String group, int backlog, long afterSeq) {
        LogFeed feed = new LogFeed(stream);
        feed.tail = control.tail(group, feed::onLine);
        try {
            List<LogLine> recent = backlog == 0 ? List.of() : control.logs(group, backlog);
            feed.goLive(recent, afterSeq);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
        return feed;
    }

    /** Called on the supervisor's tail thread: it must not block, and does not. */
    private void onLine(LogLine line) {
        synchronized (lock) {
            if (pending != null) {
                if (pending.size() < MAX_PENDING) {
                    pending.add(line);
                }
                return;
            }
            sendIfNew(line);
        }
    }

    private void goLive(List<LogLine> recent, long afterSeq) {
        synchronized (lock) {
            lastSeq = afterSeq;
            recent.forEach(this::sendIfNew);
            pending.forEach(this::sendIfNew);
            pending = null;
        }
    }

    /** Caller holds {@link #lock}. */
    private void sendIfNew(LogLine line) {
        if (line.seq() > lastSeq) {
            lastSeq = line.seq();
            stream.send("log", Long.toString(line.seq()), JsonViews.write(JsonViews.logLine(line)));
        }
    }

    @Override
    public void tick(Tick tick) {
        // lines are pushed as they come; the hub's keep-alive covers quiet periods
    }

    @Override
    public void close() {
        Subscription open = tail;
        if (open != null) {
            open.close();
        }
    }
}
