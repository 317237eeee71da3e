package dev.orrery.cli;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.examples.DemoServices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orrery demo}: serves the example services in this process until Ctrl-C. */
@Command(name = "demo",
        description = {
            "Serves the example services demo.echo, demo.kv and demo.calc until Ctrl-C,",
            "and prints sample calls to try from another terminal."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OTHER, ExitCodes.LIST_OPTIONS, ExitCodes.LIST_UNAVAILABLE})
final class DemoCommand implements Callable<Integer> {

    /** The first line printed on stdout, followed by the endpoint; scripts and tests read it. */
    static final String LISTENING = "Orrery demo node listening on ";

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "URI", defaultValue = "tcp://127.0.0.1:7070",
            converter = EndpointConverter.class,
            description = "where to accept calls; port 0 picks a free one (default: ${DEFAULT-VALUE})")
    Endpoint listen;

    @Option(names = {"-v", "--verbose"}, description = "print the stack trace of a failure")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Node node = Node.builder().name("demo").listen(listen.toString()).build();
        try {
            DemoServices.serveAll(node).start();
        } catch (OrreryException e) {
            node.close();
            String hint = "is another process listening there? --listen " + listen.scheme()
                    + "://127.0.0.1:0 picks a free port";
            return ErrorReport.print(e, hint, err, verbose);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("orrery demo: stopping; calls in flight have up to " + node.options().shutdownGrace()
                    .toSeconds() + "s to finish");
            err.flush();
            node.close();
        }, "orrery-demo-shutdown"));
        printWelcome(node.endpoints(), out);
        // Runs until the JVM is stopped (Ctrl-C, SIGTERM): the shutdown hook closes the node gracefully.
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    private static void printWelcome(List<Endpoint> endpoints, PrintWriter out) {
        Endpoint endpoint = endpoints.getFirst();
        out.println(LISTENING + endpoint);
        String at = "bin/orrery call --endpoint " + reachable(endpoint) + " ";
        out.println("Serving demo.echo, demo.kv and demo.calc. Try, from another terminal:");
        out.println();
        out.println("  " + at + "demo.echo echo '[\"hi\"]'");
        out.println("  " + at + "demo.kv put '[\"color\", \"blue\"]'");
        out.println("  " + at + "demo.kv get '[\"color\"]'");
        out.println("  " + at + "demo.calc countPrimes '[1000000]'");
        out.println("  " + at + "--deadline 1s demo.calc sleep '[3000]'    # fails: DEADLINE_EXCEEDED");
        out.println("  bin/orrery describe --endpoint " + reachable(endpoint) + " demo.calc");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** A wildcard address accepts calls on every interface; a client reaches it through the loopback one. */
    private static Endpoint reachable(Endpoint endpoint) {
        if (!endpoint.scheme().equals("tcp")) {
            return endpoint;
        }
        String host = endpoint.host();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
        return wildcard ? new Endpoint("tcp", "127.0.0.1:" + endpoint.port()) : endpoint;
    }
}
