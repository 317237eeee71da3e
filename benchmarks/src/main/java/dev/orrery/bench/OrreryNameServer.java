package dev.orrery.bench;

import dev.orrery.nameserver.EmbeddedNameServer;

/** The name-server side of the locate benchmark's server child: an Orrery name server with default options. */
final class OrreryNameServer {

    private OrreryNameServer() {
    }

    /**
     * Starts a name server on the loopback address.
     *
     * @param port the port, 0 for any free one
     * @return the running name server
     */
    static BenchServer.Running serve(int port) {
        EmbeddedNameServer nameServer = EmbeddedNameServer.start("tcp://127.0.0.1:" + port);
        return new BenchServer.Running(nameServer.endpoint().port(), nameServer::close);
    }
}
