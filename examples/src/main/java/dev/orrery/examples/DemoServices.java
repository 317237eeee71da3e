package dev.orrery.examples;

import dev.orrery.Node;
import dev.orrery.ServiceOptions;

/** The example services that {@code orrery demo} serves. */
public final class DemoServices {

    private DemoServices() {
    }

    /**
     * Exports {@code demo.echo}, {@code demo.kv} and {@code demo.calc} on a node.
     *
     * @param node the node
     * @return the node
     */
    public static Node serveAll(Node node) {
        return serveAll(node, ServiceOptions.DEFAULTS);
    }

    /**
     * Exports {@code demo.echo}, with options of its own, and {@code demo.kv} and {@code demo.calc} on a node.
     *
     * @param node        the node
     * @param echoOptions how the node runs {@code demo.echo}, such as {@link ServiceOptions#direct()}
     * @return the node
     */
    public static Node serveAll(Node node, ServiceOptions echoOptions) {
        return node.serve(Echo.class, new EchoService(), echoOptions)
                .serve(KeyValue.class, new KeyValueService())
                .serve(Calculator.class, new CalculatorService());
    }
}
