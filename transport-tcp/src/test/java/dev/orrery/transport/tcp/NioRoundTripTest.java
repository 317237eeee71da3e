package dev.orrery.transport.tcp;

/** The round-trip suite on Java NIO, the backend used where native epoll is not available. */
class NioRoundTripTest extends TcpRoundTripSuite {

    @Override
    IoBackend backend() {
        return IoBackend.nio();
    }
}
