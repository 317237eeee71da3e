package dev.orrery.console;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the handlers see it: copied out of Netty's buffers, so that it outlives them and handlers run
 * off the I/O threads without touching reference-counted memory.
 *
 * @param method  the method, upper case
 * @param path    the decoded path, such as {@code /api/services/echo}
 * @param query   the decoded query parameters
 * @param headers the headers
 * @param body    the body, empty when there is none
 */
record Request(String method, String path, Map<String, List<String>> query, HttpHeaders headers, byte[] body) {

    /** Copies the lists. */
    Request {
        query = Map.copyOf(query);
    }

    /**
     * Copies a request that Netty decoded.
     *
     * @param request the aggregated request; the caller still owns and releases it
     * @return the copy
     */
    static Request of(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
        return new Request(request.method().name(), uri.path(), uri.parameters(), request.headers().copy(),
                ByteBufUtil.getBytes(request.content()));
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the parameter
     * @return its value, or empty when the query does not have it
     */
    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /**
     * A header's value.
     *
     * @param name the header, in any case
     * @return its first value, or {@code null} when absent
     */
    String header(CharSequence name) {
        return headers.get(name);
    }

    /**
     * A cookie's value.
     *
     * @param name the cookie
     * @return its value, or empty when the request does not carry it
     */
    Optional<String> cookie(String name) {
        for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                if (cookie.name().equals(name)) {
                    return Optional.of(cookie.value());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8
     */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the request changes state, so that it must come from the console's own pages or from outside a
     * browser.
     *
     * @return true for every method but GET, HEAD and OPTIONS
     */
    boolean changesState() {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
