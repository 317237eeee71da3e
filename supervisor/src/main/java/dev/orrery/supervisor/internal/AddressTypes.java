package dev.orrery.supervisor.internal;

import dev.orrery.Endpoint;
import dev.orrery.supervisor.internal.toml.TomlNode;
import java.net.InetAddress;

/**
 * Addresses to listen on and endpoints to connect to. Listening addresses are IP addresses or
 * {@code localhost}, never other host names: checking the file must not wait for a name lookup, and what a
 * name resolves to may change between the check and the start.
 */
final class AddressTypes {
    private static final String BIND_FORM = "an IP address such as 127.0.0.1, 0.0.0.0 or ::1, or localhost";
    private static final String HOST_PORT_FORM = "host:port such as \"127.0.0.1:0\", the host " + BIND_FORM
            + ", an IPv6 one in brackets such as \"[::1]:0\"";

    private AddressTypes() {
    }

    /** An address to listen on. */
    static ValueType<String> bindAddress() {
        return (node, problems) -> {
            if (node instanceof TomlNode.Text text && isBindAddress(text.value())) {
                return text.value();
            }
            problems.invalid(node, "must be " + BIND_FORM);
            return null;
        };
    }

    /** An address and a port to listen on, {@code host:port}, as a {@code tcp://} endpoint. */
    static ValueType<Endpoint> hostPort() {
        return new ValueType<>() {
            @Override
            public Endpoint parse(TomlNode node, Problems problems) {
                if (!(node instanceof TomlNode.Text text)) {
                    problems.invalid(node, "must be " + HOST_PORT_FORM);
                    return null;
                }
                String reason = hostPortProblem(text.value());
                if (reason != null) {
                    problems.invalid(node, reason);
                    return null;
                }
                return new Endpoint("tcp", text.value());
            }

            @Override
            public String format(Endpoint value) {
                return value.address();
            }
        };
    }

    /** Why a text is not {@code host:port}, or {@code null} when it is. */
    private static String hostPortProblem(String text) {
        if (text.contains("://")) {
            return "must be host:port, without a scheme, such as \"127.0.0.1:0\"";
        }
        String host;
        String port;
        if (text.startsWith("[") && text.contains("]:")) {
            host = text.substring(1, text.indexOf("]:"));
            port = text.substring(text.indexOf("]:") + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                return "must be " + HOST_PORT_FORM;
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (!isBindAddress(host)) {
            return "must be " + HOST_PORT_FORM;
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
            return "needs a port from 0 to 65535, 0 for any free port";
        }
        return null;
    }

    /** The endpoint of a name server that runs elsewhere, {@code tcp://host:port}. */
    static ValueType<Endpoint> nameServerEndpoint() {
        String form = "must be a name server's endpoint, tcp://host:port, such as \"tcp://10.0.0.5:2012\"";
        return (node, problems) -> {
            if (!(node instanceof TomlNode.Text text)) {
                problems.invalid(node, form);
                return null;
            }
            try {
                Endpoint endpoint = Endpoint.parse(text.value());
                if (!endpoint.scheme().equals("tcp")) {
                    problems.invalid(node, form);
                    return null;
                }
                endpoint.host();
                if (endpoint.port() == 0) {
                    problems.invalid(node, "needs the name server's port, from 1 to 65535");
                    return null;
                }
                return endpoint;
            } catch (IllegalArgumentException e) {
                problems.invalid(node, form);
                return null;
            }
        };
    }

    /** Whether a host is an IP address literal, IPv4 in four decimal parts, or {@code localhost}. */
    static boolean isBindAddress(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.contains(":") && !host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return false; // InetAddress would also take "127.1" and "1", which nobody means as a bind address
        }
        try {
            InetAddress.ofLiteral(host);
            return host.indexOf('[') < 0 && host.indexOf('%') < 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a valid bind address reaches this host only. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || InetAddress.ofLiteral(host).isLoopbackAddress();
    }
}
