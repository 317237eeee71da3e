package dev.orrery.console;

import dev.orrery.Status;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may use the console, checked before any handler runs.
 *
 * <ul>
 *   <li>With a token, every request must carry it: as {@code Authorization: Bearer TOKEN}, as the cookie that
 *       {@code ?token=TOKEN} sets once so that the browser pages work, or as {@code ?token=TOKEN} itself. Tokens
 *       are compared in constant time, through their digests.</li>
 *   <li>Without a token, the {@code Host} header must be an IP address or {@code localhost}: a web page whose host
 *       name was rebound to this address then cannot read the API.</li>
 *   <li>A request that changes state (a POST) from a browser must come from the console's own pages: its
 *       {@code Origin} must be the console's, and its {@code Sec-Fetch-Site}, when sent, {@code same-origin}.
 *       Requests from outside a browser, such as curl's, carry neither and pass.</li>
 * </ul>
 */
final class AccessCheck {

    /** The cookie that carries a digest of the token, never the token itself. */
    static final String COOKIE = "orrery_console";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** What to do with a request: answer it at once (a refusal or a redirect), or serve it. */
    record Verdict(Response answer, String setCookie) {
        static final Verdict SERVE = new Verdict(null, null);
    }

    private final byte[] tokenDigest;
    private final String cookieValue;

    /**
     * A check.
     *
     * @param token the secret every request must carry, or empty for none
     */
    AccessCheck(Optional<String> token) {
        this.tokenDigest = token.map(AccessCheck::digest).orElse(null);
        this.cookieValue = token.map(value -> HexFormat.of().formatHex(digest("cookie:" + value))).orElse(null);
    }

    /**
     * Checks a request.
     *
     * @param request the request
     * @return the verdict
     */
    Verdict check(Request request) {
        String setCookie = null;
        if (tokenDigest == null) {
            if (!hostIsAddress(request.header(HttpHeaderNames.HOST))) {
                return refuse(403, Status.PERMISSION_DENIED, "the Host header '" + request.header(HttpHeaderNames.HOST)
                        + "' does not name this console; open it by IP address or as localhost, or set "
                        + "[console] token to serve it under other names");
            }
        } else {
            Optional<String> inQuery = request.param("token");
            boolean carried = bearerMatches(request) || cookieMatches(request);
            if (!carried && inQuery.isPresent() && constantTimeEquals(digest(inQuery.get()), tokenDigest)) {
                setCookie = COOKIE + "=" + cookieValue + "; Path=/; HttpOnly; SameSite=Strict";
                if (request.method().equals("GET") && isPage(request.path())) {
                    return new Verdict(new Response(303, "text/plain; charset=utf-8", new byte[0],
                            Map.of("Location", withoutToken(request))), setCookie);
                }
            } else if (!carried) {
                boolean offered = inQuery.isPresent() || request.header(HttpHeaderNames.AUTHORIZATION) != null;
                return new Verdict(unauthenticated(offered ? "the token does not match the console's"
                        : "this console needs its token"), null);
            }
        }
        if (request.changesState() && !fromOwnPages(request)) {
            return refuse(403, Status.PERMISSION_DENIED, request.method() + " " + request.path() + " came from "
                    + "another site (Origin " + request.header(HttpHeaderNames.ORIGIN) + ", Sec-Fetch-Site "
                    + request.header("Sec-Fetch-Site") + "); the console changes state only for its own pages and "
                    + "for clients outside a browser");
        }
        return new Verdict(null, setCookie);
    }

    private static Response unauthenticated(String why) {
        return Response.error(401, Status.UNAUTHENTICATED, why + ": send Authorization: Bearer TOKEN, or open "
                + "/?token=TOKEN once in the browser; the token is [console] token in the supervisor's config")
                .withHeader("WWW-Authenticate", "Bearer realm=\"orrery console\"");
    }

    private static Verdict refuse(int http, Status status, String message) {
        return new Verdict(Response.error(http, status, message), null);
    }

    private boolean bearerMatches(Request request) {
        String header = request.header(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return constantTimeEquals(digest(header.substring(7).strip()), tokenDigest);
    }

    private boolean cookieMatches(Request request) {
        return request.cookie(COOKIE)
                .map(value -> constantTimeEquals(value.getBytes(StandardCharsets.US_ASCII),
                        cookieValue.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private static boolean fromOwnPages(Request request) {
        String origin = request.header(HttpHeaderNames.ORIGIN);
        if (origin != null && !sameAuthority(origin, request.header(HttpHeaderNames.HOST))) {
            return false;
        }
        String site = request.header("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private static boolean sameAuthority(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean hostIsAddress(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.indexOf(']') > 0;
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.equals("localhost") || IPV4.matcher(name).matches();
    }

    /** A page a browser opens, as opposed to the API, the metrics and the static files the pages load. */
    private static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/static/") || path.equals("/metrics"));
    }

    private static String withoutToken(Request request) {
        QueryStringEncoder encoder = new QueryStringEncoder(request.path());
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            if (!entry.getKey().equals("token")) {
                entry.getValue().forEach(value -> encoder.addParam(entry.getKey(), value));
            }
        }
        return encoder.toString();
    }

    private static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
