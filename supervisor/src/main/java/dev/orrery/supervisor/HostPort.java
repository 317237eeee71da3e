package dev.orrery.supervisor;

/** Writes a host and a port as an endpoint's address, with an IPv6 host in brackets. */
final class HostPort {

    private HostPort() {
    }

    static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
