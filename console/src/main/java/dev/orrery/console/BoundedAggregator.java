package dev.orrery.console;

import dev.orrery.Status;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Gathers a request's body up to a bound; a larger one is answered 413 with the console's JSON error, and the
 * connection is closed, since the rest of the body would still be on its way.
 */
final class BoundedAggregator extends HttpObjectAggregator {

    private final int maxBytes;

    BoundedAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        Response error = Response.error(413, Status.RESOURCE_EXHAUSTED, "the request body is larger than the "
                + maxBytes + " bytes the console accepts");
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(error.body()));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, error.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, error.body().length)
                .set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    }
}
