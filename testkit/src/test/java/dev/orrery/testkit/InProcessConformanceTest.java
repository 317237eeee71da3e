package dev.orrery.testkit;

import java.util.UUID;

/** The transport conformance suite over the in-JVM transport, which core provides. */
class InProcessConformanceTest extends TransportConformance {

    @Override
    protected String listenEndpoint() {
        return "inproc://conformance-" + UUID.randomUUID();
    }

    @Override
    protected boolean crossesProcesses() {
        return false;
    }
}
