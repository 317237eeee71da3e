package dev.orrery.console;

import dev.orrery.Status;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection. The I/O thread only copies each request out of Netty's buffers; the request is answered on
 * a virtual thread, since handlers ask the supervisor and call services, which may block. A connection's requests
 * are answered one after another, so that pipelined responses keep their order.
 */
final class HttpChannel extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpChannel.class);

    /** Requests a connection may send before the earlier ones are answered. */
    private static final int MAX_PIPELINED = 16;

    private final Dispatcher dispatcher;
    private final EventHub hub;
    private final Executor executor;
    /** The answer to the previous request; owned by the channel's event loop. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    /** Set once the connection carries an event stream: nothing else is answered on it after. */
    private final AtomicBoolean streaming = new AtomicBoolean();
    /** Requests read and not answered yet; a peer that pipelines more than a few is cut off. */
    private final AtomicInteger waiting = new AtomicInteger();

    HttpChannel(Dispatcher dispatcher, EventHub hub, Executor executor) {
        this.dispatcher = dispatcher;
        this.hub = hub;
        this.executor = executor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        if (!message.decoderResult().isSuccess()) {
            write(ctx, Response.error(Status.INVALID_ARGUMENT, "not a valid HTTP request: "
                    + message.decoderResult().cause()), null, false);
            return;
        }
        if (waiting.incrementAndGet() > MAX_PIPELINED) {
            LOG.debug("closing a console connection from {}: it sent more than {} requests ahead",
                    ctx.channel().remoteAddress(), MAX_PIPELINED);
            ctx.close();
            return;
        }
        Request request = Request.of(message);
        boolean keepAlive = HttpUtil.isKeepAlive(message);
        previous = previous.thenRunAsync(() -> {
            try {
                serve(ctx, request, keepAlive);
            } finally {
                waiting.decrementAndGet();
            }
        }, executor).exceptionally(failure -> {
            if (failure.getCause() instanceof RejectedExecutionException) {
                LOG.debug("the console closed before it could answer {}", request);
            } else {
                LOG.warn("the console could not answer {}", request, failure);
            }
            ctx.close();
            return null;
        });
    }

    /** Runs on a virtual thread. */
    private void serve(ChannelHandlerContext ctx, Request request, boolean keepAlive) {
        if (streaming.get() || !ctx.channel().isActive()) {
            ctx.close();
            return;
        }
        Dispatcher.Answer answer = dispatcher.dispatch(request);
        switch (answer.reply()) {
            case Response response -> write(ctx, response, answer.setCookie(), keepAlive);
            case EventStream stream -> open(ctx, stream, answer.setCookie());
        }
    }

    private void open(ChannelHandlerContext ctx, EventStream stream, String setCookie) {
        if (hub.full()) {
            write(ctx, Response.error(Status.RESOURCE_EXHAUSTED, "the console has as many live streams open as it "
                    + "allows; close some of its pages"), setCookie, false);
            return;
        }
        streaming.set(true);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpHeaders headers = head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Accel-Buffering", "no");
        common(headers, setCookie);
        ctx.writeAndFlush(head);
        hub.open(ctx.channel(), stream.feed());
    }

    private static void write(ChannelHandlerContext ctx, Response response, String setCookie, boolean keepAlive) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = out.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (!response.headers().containsKey("Cache-Control")) {
            headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        common(headers, setCookie);
        HttpUtil.setKeepAlive(out, keepAlive);
        ChannelFuture written = ctx.writeAndFlush(out);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void common(HttpHeaders headers, String setCookie) {
        headers.set("X-Content-Type-Options", "nosniff").set("Referrer-Policy", "no-referrer");
        if (setCookie != null) {
            headers.set(HttpHeaderNames.SET_COOKIE, setCookie);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            // A gateway call may wait for minutes without a byte either way; only a connection with nothing to
            // answer is idle.
            if (waiting.get() == 0) {
                ctx.close();
            }
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing a console connection from {}", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
