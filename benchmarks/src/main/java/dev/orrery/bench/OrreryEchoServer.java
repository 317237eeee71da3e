package dev.orrery.bench;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.ServiceOptions;
import dev.orrery.examples.DemoServices;

/**
 * The Orrery side of the echo benchmarks' server child: the demo services on a node with default options (call
 * metrics on or off as asked), over TCP or shared memory, registered with a name server when one is given.
 * {@code demo.echo} runs its handlers on the transport's thread ({@link ServiceOptions#direct()}): an echo never
 * blocks, and the peers' servers answer on their I/O threads too (Aeron's pong in its poll loop, JeroMQ's ROUTER
 * loop).
 */
final class OrreryEchoServer {

    private OrreryEchoServer() {
    }

    /**
     * Starts a node that serves {@code demo.echo} at an endpoint of this host.
     *
     * @param listen     such as {@code tcp://127.0.0.1:0} (0 for any free port) or {@code shm://bench?idle=hybrid}
     * @param nameServer the name server to register with, such as {@code tcp://127.0.0.1:2012}, or {@code null}
     * @param metrics    whether the node records call metrics ({@code NodeOptions.metrics})
     * @return the running server, whose port is 0 when it does not listen on TCP; its services are registered, or
     *         being registered, when it returns
     */
    static BenchServer.Running serve(String listen, String nameServer, boolean metrics) {
        Node node = Node.builder().name("bench-server").listen(listen).nameserver(nameServer).metrics(metrics)
                .build();
        try {
            DemoServices.serveAll(node, ServiceOptions.direct()).start();
            Endpoint bound = node.endpoints().getFirst();
            return new BenchServer.Running(bound.scheme().equals("tcp") ? bound.port() : 0, node::close);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }
}
