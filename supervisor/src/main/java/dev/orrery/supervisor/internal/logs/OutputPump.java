package dev.orrery.supervisor.internal.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one stream of a worker, such as its stdout, line by line into a {@link RotatingFile} and a {@link
 * LogBook}, on a thread of its own, until the end of the stream.
 *
 * <p>Lines are UTF-8 and end at {@code \n}, a {@code \r} before it dropped; a line longer than {@link
 * #MAX_LINE_BYTES} is handed on in pieces of at most that many bytes, so that a worker that prints without line
 * breaks cannot exhaust the supervisor's memory. A line still open at the end of the stream is handed on then.
 * The file is flushed after each read, that is after each batch of output the worker wrote at once.
 *
 * <p>The pump ends at the end of the stream, which a process's pipe reaches once the process and every process
 * that inherited the pipe have exited, or when a read fails, and {@link #failure()} then holds the exception.
 * Closing a pipe does not wake a thread blocked reading it: to stop a pump, end the process. The pump closes
 * nothing: the stream belongs to the process, the file and the book to the caller, and several pumps may share
 * them.
 *
 * <p>When the file cannot be written, the lines still go to the book, and the book gets one line from the
 * supervisor that says so, again after each recovery; once the caller has closed the file, the lines go to the
 * book alone.
 *
 * <p>The thread is a daemon platform thread, named after the group, the worker and the stream: it spends its
 * life blocked in a read of a pipe, and a virtual thread blocked in such a read holds its carrier thread all the
 * same, so one would save nothing.
 */
public final class OutputPump {
    /** The most bytes of a line handed on at once. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);
    private static final int READ_BYTES = 8192;

    private final InputStream in;
    private final String group;
    private final long pid;
    private final String stream;
    private final RotatingFile file;
    private final LogBook book;
    private final Thread thread;
    private volatile IOException failure;
    /** Written by the pump's thread only. */
    private volatile long lines;
    /** Owned by the pump's thread: whether the file's latest write failed. */
    private boolean fileFailing;

    private OutputPump(InputStream in, String group, long pid, String stream, RotatingFile file, LogBook book) {
        this.in = Objects.requireNonNull(in, "in");
        this.group = Objects.requireNonNull(group, "group");
        this.pid = pid;
        this.stream = Objects.requireNonNull(stream, "stream");
        this.file = Objects.requireNonNull(file, "file");
        this.book = Objects.requireNonNull(book, "book");
        this.thread = Thread.ofPlatform().daemon().name("orrery-output-" + group + "-" + pid + "-" + stream)
                .unstarted(this::run);
    }

    /**
     * Starts reading a stream.
     *
     * @param in     the stream, such as {@link Process#getInputStream()}
     * @param group  the worker's group
     * @param pid    the worker's process id
     * @param stream the stream's name in the book, such as {@code stdout}
     * @param file   where the lines are written
     * @param book   where the lines are kept for the console
     * @return the running pump
     */
    public static OutputPump start(InputStream in, String group, long pid, String stream, RotatingFile file,
                                   LogBook book) {
        OutputPump pump = new OutputPump(in, group, pid, stream, file, book);
        pump.thread.start();
        return pump;
    }

    /**
     * Waits for the pump to end.
     *
     * @param timeout the longest wait
     * @return whether it ended: every line of the stream was handed on and the file flushed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    /**
     * Why reading stopped before the end of the stream.
     *
     * @return the read's exception, or empty while running and after the end of the stream
     */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * How many lines, or pieces of long lines, were handed on so far.
     *
     * @return the count
     */
    public long lines() {
        return lines;
    }

    private void run() {
        LineSplitter splitter = new LineSplitter(MAX_LINE_BYTES, this::line);
        byte[] buffer = new byte[READ_BYTES];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                splitter.feed(buffer, 0, n);
                flush();
            }
        } catch (IOException e) {
            failure = e;
        }
        splitter.finish();
        flush();
    }

    private void line(String text) {
        lines++;
        try {
            file.append(text);
            fileFailing = false;
        } catch (ClosedChannelException e) {
            // The caller closed the file on purpose: the book alone keeps the lines from now on.
        } catch (IOException e) {
            fileFailed(e);
        }
        book.add(group, pid, stream, text);
    }

    private void flush() {
        try {
            file.flush();
        } catch (IOException e) {
            fileFailed(e);
        }
    }

    private void fileFailed(IOException e) {
        if (fileFailing) {
            return;
        }
        fileFailing = true;
        LOG.warn("Cannot write the {} of worker {} of {} to {}", stream, pid, group, file.path(), e);
        book.add(group, 0, "supervisor", "cannot write the " + stream + " of worker " + pid + " to "
                + file.path() + " (" + e + "); its lines are kept in memory only, until the file can be written");
    }
}
