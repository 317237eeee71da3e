package dev.orrery.console;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open response of server-sent events. Any thread may send; a send never blocks and never queues without
 * bound: while the peer reads too slowly for the connection's high water mark, events are dropped and counted, and
 * the next event that goes through is preceded by a {@code dropped} event with their number.
 */
final class SseStream {

    private final Channel channel;
    private final Counter droppedEvents;
    private final AtomicLong dropped = new AtomicLong();
    /** When sends started being dropped, in {@link System#nanoTime()} units; 0 while they go through. */
    private volatile long blockedSince;
    private volatile long lastWrite = System.nanoTime();

    SseStream(Channel channel, Counter droppedEvents) {
        this.channel = channel;
        this.droppedEvents = droppedEvents;
    }

    /**
     * Sends an event.
     *
     * @param event its type, such as {@code services}
     * @param id    its id, which a reconnecting browser sends back as {@code Last-Event-ID}, or {@code null}
     * @param data  its data, usually one line of JSON
     * @return whether it was sent; false when the stream is closed or the peer is behind
     */
    boolean send(String event, String id, String data) {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            dropped.incrementAndGet();
            droppedEvents.increment();
            if (blockedSince == 0) {
                blockedSince = System.nanoTime();
            }
            return false;
        }
        blockedSince = 0;
        StringBuilder frame = new StringBuilder(data.length() + 64);
        long missed = dropped.getAndSet(0);
        if (missed > 0) {
            frame.append("event: dropped\ndata: {\"count\":").append(missed).append("}\n\n");
        }
        frame.append("event: ").append(event).append('\n');
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        write(frame.append('\n'));
        return true;
    }

    /**
     * Sends a comment, which browsers ignore: it keeps idle connections open through proxies, and shows a dead peer.
     *
     * @param text the comment
     */
    void comment(String text) {
        if (channel.isActive() && channel.isWritable()) {
            write(new StringBuilder(": ").append(text).append("\n\n"));
        }
    }

    /**
     * Tells the browser how long to wait before it reconnects a broken stream.
     *
     * @param millis the delay
     */
    void retry(long millis) {
        write(new StringBuilder("retry: ").append(millis).append("\n\n"));
    }

    private void write(CharSequence text) {
        lastWrite = System.nanoTime();
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }

    /**
     * How long nothing was written to the peer.
     *
     * @param now the time now, in {@link System#nanoTime()} units
     * @return nanoseconds
     */
    long idleNanos(long now) {
        return now - lastWrite;
    }

    /**
     * How long the peer has been too far behind to receive events.
     *
     * @param now the time now, in {@link System#nanoTime()} units
     * @return nanoseconds, 0 when it keeps up
     */
    long blockedNanos(long now) {
        long since = blockedSince;
        return since == 0 ? 0 : now - since;
    }

    boolean isOpen() {
        return channel.isActive();
    }

    Channel channel() {
        return channel;
    }

    /**
     * Ends the response and closes the connection; a peer that is behind is cut off without the end marker.
     *
     * @return completes when the connection is closed
     */
    ChannelFuture close() {
        if (channel.isActive() && channel.isWritable()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
        return channel.closeFuture();
    }
}
