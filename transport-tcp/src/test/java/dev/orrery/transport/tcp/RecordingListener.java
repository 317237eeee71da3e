package dev.orrery.transport.tcp;

import dev.orrery.transport.FrameListener;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps a copy of every frame and the close cause, with the I/O thread each arrived on. */
final class RecordingListener implements FrameListener {

    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();
    final AtomicInteger closeCount = new AtomicInteger();
    final AtomicInteger framesAfterClose = new AtomicInteger();
    volatile String frameThread;
    volatile boolean bigEndian = true;

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

    byte[] next() throws InterruptedException {
        byte[] frame = frames.poll(5, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 5 s");
        }
        return frame;
    }

    Optional<Throwable> awaitClose() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }
}
