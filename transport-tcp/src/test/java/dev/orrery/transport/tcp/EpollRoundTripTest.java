package dev.orrery.transport.tcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;

/** The round-trip suite on native epoll, the backend chosen on Linux. */
class EpollRoundTripTest extends TcpRoundTripSuite {

    @Override
    IoBackend backend() {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        return IoBackend.epoll();
    }
}
