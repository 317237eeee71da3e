package dev.orrery.cli;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.examples.DemoServices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orrery demo}: serves the example services in this process until Ctrl-C, registered with the name server,
 * which it starts in this process when none answers on a loopback address.
 */
@Command(name = "demo",
        description = {
            "Serves demo.echo, demo.kv and demo.calc, registered with the name server.",
            "It runs until Ctrl-C, and prints sample commands to try from another terminal.",
            "When no name server answers at --nameserver, a loopback address, it starts",
            "one in this process. Demos started with --listen tcp://127.0.0.1:0 run side",
            "by side as instances of the same services, sharing the first one's name server."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OTHER, ExitCodes.LIST_OPTIONS, ExitCodes.LIST_NOT_FOUND,
            ExitCodes.LIST_UNAVAILABLE})
final class DemoCommand implements Callable<Integer> {

    /** The first line printed on stdout, followed by the endpoint; scripts and tests read it. */
    static final String LISTENING = "Orrery demo node listening on ";

    /** The line that names the name server the services register with, followed by its endpoint. */
    static final String NAME_SERVER = "Name server: ";

    /** What follows {@code no name server answered at URI} when the demo started one. */
    static final String STARTED_ONE = "; started one in this process";

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "URI", defaultValue = "tcp://127.0.0.1:7070",
            converter = EndpointConverter.class,
            description = "where to accept calls; port 0 picks a free one (default: ${DEFAULT-VALUE})")
    Endpoint listen;

    @Mixin
    NameServerOption nameServer;

    @Mixin
    SharedMemoryOption sharedMemory;

    @Option(names = {"-v", "--verbose"}, description = "print the stack trace of a failure")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Endpoint asked = nameServer.endpoint();
        DemoNameServer registry;
        try {
            registry = DemoNameServer.findOrStart(asked);
        } catch (OrreryException e) {
            return ErrorReport.print(noNameServer(e, asked), nameServerHint(e), err, verbose);
        }
        Node node = Node.builder().name("demo").listen(listen.toString())
                .nameserver(registry.endpoint().toString()).sharedMemory(sharedMemory.mode()).build();
        try {
            DemoServices.serveAll(node).start();
        } catch (OrreryException e) {
            node.close();
            registry.close();
            String hint = "is another process listening there? --listen " + listen.scheme()
                    + "://127.0.0.1:0 picks a free port";
            return ErrorReport.print(e, hint, err, verbose);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("orrery demo: stopping; calls in flight have up to " + node.options().shutdownGrace()
                    .toSeconds() + "s to finish" + (registry.embedded() ? "; the name server stops too" : ""));
            err.flush();
            // The node deregisters its services first, while the name server, maybe this process's, still runs.
            node.close();
            registry.close();
        }, "orrery-demo-shutdown"));
        printWelcome(node.endpoints(), asked, registry, out);
        if (!registry.answered()) {
            err.println("orrery demo: no name server answered at " + asked + "; the services register with it "
                    + "as soon as one does");
            err.flush();
        }
        // Runs until the JVM is stopped (Ctrl-C, SIGTERM): the shutdown hook closes the node gracefully.
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    private static OrreryException noNameServer(OrreryException failure, Endpoint asked) {
        if (failure.status() != Status.UNAVAILABLE) {
            return failure;
        }
        return new OrreryException(Status.UNAVAILABLE, "no name server answered at " + asked
                + ", and none could be started there: " + failure.description(), failure);
    }

    private static String nameServerHint(OrreryException failure) {
        return failure.status() == Status.UNAVAILABLE
                ? "is another program using that port? --nameserver tcp://127.0.0.1:0 starts a name server on a "
                        + "free port"
                : "point --nameserver at a name server, such as bin/orrery nameserver runs on "
                        + NameServerOption.DEFAULT;
    }

    private static void printWelcome(List<Endpoint> endpoints, Endpoint asked, DemoNameServer registry,
                                     PrintWriter out) {
        Endpoint endpoint = endpoints.getFirst();
        out.println(LISTENING + endpoint);
        if (registry.embedded()) {
            out.println(asked.port() == 0 ? "started a name server in this process"
                    : "no name server answered at " + asked + STARTED_ONE);
        }
        out.println(NAME_SERVER + registry.endpoint());
        Endpoint names = registry.endpoint();
        String at = "bin/orrery call --endpoint " + reachable(endpoint) + " ";
        out.println("Serving demo.echo, demo.kv and demo.calc, registered there. Try, from another terminal:");
        out.println();
        out.println("  " + NameServerOption.sample(names, "ls"));
        out.println("  " + NameServerOption.sample(names, "call demo.echo echo '[\"x\"]'"));
        out.println("  " + at + "demo.echo echo '[\"hi\"]'");
        out.println("  " + at + "demo.kv put '[\"color\", \"blue\"]'");
        out.println("  " + at + "demo.kv get '[\"color\"]'");
        out.println("  " + at + "demo.calc countPrimes '[1000000]'");
        out.println("  " + at + "--deadline 1s demo.calc sleep '[3000]'    # fails: DEADLINE_EXCEEDED");
        out.println("  bin/orrery describe --endpoint " + reachable(endpoint) + " demo.calc");
        out.println("  " + NameServerOption.sample(names, "watch") + "    # prints instances as they come and go");
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
