package dev.orrery;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a node can be reached: {@code tcp://host:port}, {@code shm://segment} or {@code inproc://name}.
 *
 * @param scheme  the transport, such as {@code tcp}
 * @param address what follows {@code ://}: {@code host:port} for TCP (IPv6 hosts in brackets), a name otherwise
 */
public record Endpoint(String scheme, String address) {

    /**
     * Validates the parts.
     *
     * @param scheme  the transport
     * @param address the address within it
     */
    public Endpoint {
        if (scheme == null || !scheme.matches("[a-z][a-z0-9+.-]*")) {
            throw new IllegalArgumentException("endpoint scheme must be lower-case letters such as tcp, got " + scheme);
        }
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("endpoint " + scheme + ":// needs an address after ://");
        }
    }

    /**
     * Parses {@code scheme://address}.
     *
     * @param text such as {@code tcp://127.0.0.1:7070}
     * @return the endpoint
     * @throws IllegalArgumentException when the text is not of that form; the message shows the form
     */
    public static Endpoint parse(String text) {
        int sep = text == null ? -1 : text.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException(
                    "not an endpoint: '" + text + "'; expected scheme://address such as tcp://127.0.0.1:7070");
        }
        Endpoint endpoint = new Endpoint(text.substring(0, sep), text.substring(sep + 3));
        if (endpoint.scheme.equals("tcp") || endpoint.scheme.equals("tls")) {
            endpoint.port();
        }
        return endpoint;
    }

    /**
     * The host of a {@code host:port} address, without IPv6 brackets.
     *
     * @return the host
     */
    public String host() {
        String host = uri().getHost();
        if (host == null) {
            throw new IllegalArgumentException("endpoint " + this + " has no host; expected " + scheme + "://host:port");
        }
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * The port of a {@code host:port} address.
     *
     * @return the port, 0 meaning "pick a free one" when listening
     */
    public int port() {
        int port = uri().getPort();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "endpoint " + this + " needs a port from 0 to 65535; expected " + scheme + "://host:port");
        }
        return port;
    }

    private URI uri() {
        try {
            return new URI(scheme + "://" + address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an endpoint: '" + this + "': " + e.getReason(), e);
        }
    }

    @Override
    public String toString() {
        return scheme + "://" + address;
    }
}
