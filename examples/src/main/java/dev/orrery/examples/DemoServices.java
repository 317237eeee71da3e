package dev.orrery.examples;

import dev.orrery.Node;

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
        return node.serve(Echo.class, new EchoService())
                .serve(KeyValue.class, new KeyValueService())
                .serve(Calculator.class, new CalculatorService());
    }
}
