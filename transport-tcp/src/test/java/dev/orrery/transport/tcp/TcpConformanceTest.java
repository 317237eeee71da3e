package dev.orrery.transport.tcp;

import dev.orrery.testkit.TransportConformance;

/** The transport conformance suite over TCP on loopback. */
class TcpConformanceTest extends TransportConformance {

    @Override
    protected String listenEndpoint() {
        return "tcp://127.0.0.1:0";
    }
}
