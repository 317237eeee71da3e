package dev.orrery.testkit;

import dev.orrery.transport.FrameListener;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frame listener for transport tests: keeps a copy of every frame, the close cause, how often it was told
 * of the close, and what it saw of the threads and buffers the transport delivered on.
 */
public final class RecordingListener implements FrameListener {

    private final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();
    private final AtomicInteger closeCount = new AtomicInteger();
    private final AtomicInteger framesAfterClose = new AtomicInteger();
    private volatile String frameThread;
    private volatile boolean bigEndian = true;

    /** A listener that has seen nothing yet. */
    public RecordingListener() {
    }

    @Override
    public void onFrame(ByteBuffer frame) {
        if (closed.isDone()) {
            framesAfterClose.incrementAndGet();
        }
        frameThread = Thread.currentThread().getName();
        bigEndian &= frame.order() == ByteOrder.BIG_ENDIAN;
        byte[] copy = new byte[frame.remaining()];
        frame.get(copy);
        frames.add(copy);
    }

    @Override
    public void onClose(Throwable cause) {
        closeCount.incrementAndGet();
        closed.complete(Optional.ofNullable(cause));
    }

    /**
     * The next frame not taken yet, waiting up to 5 s for it.
     *
     * @return its bytes after the length prefix
     * @throws InterruptedException when interrupted
     * @throws AssertionError       when none comes in time
     */
    public byte[] next() throws InterruptedException {
        byte[] frame = frames.poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 5 s");
        }
        return frame;
    }

    /**
     * Waits up to 5 s for the close.
     *
     * @return its cause, empty for an orderly close
     * @throws Exception when it does not come in time
     */
    public Optional<Throwable> awaitClose() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    /** @return the frames not taken by {@link #next()} yet */
    public BlockingQueue<byte[]> frames() {
        return frames;
    }

    /** @return completed with the close cause, empty for an orderly close */
    public CompletableFuture<Optional<Throwable>> closed() {
        return closed;
    }

    /** @return how many times the close was reported */
    public int closeCount() {
        return closeCount.get();
    }

    /** @return frames delivered after the close, which a transport must never do */
    public int framesAfterClose() {
        return framesAfterClose.get();
    }

    /** @return the name of the thread that delivered the last frame, or {@code null} */
    public String frameThread() {
        return frameThread;
    }

    /** @return whether every frame came in a big-endian buffer */
    public boolean bigEndian() {
        return bigEndian;
    }
}
