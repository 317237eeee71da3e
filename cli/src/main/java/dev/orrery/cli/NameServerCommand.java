package dev.orrery.cli;

import dev.orrery.Endpoint;
import dev.orrery.OrreryException;
import dev.orrery.nameserver.EmbeddedNameServer;
import dev.orrery.nameserver.NameServerMain;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orrery nameserver}: runs a name server in this process until Ctrl-C. */
@Command(name = "nameserver",
        description = {
            "Runs the name server, orrery.nameserver, until Ctrl-C: services register there",
            "with leases, and callers find them by name."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OTHER, ExitCodes.LIST_OPTIONS, ExitCodes.LIST_UNAVAILABLE})
final class NameServerCommand implements Callable<Integer> {

    /** The first line printed on stdout, followed by the endpoint; scripts and tests read it. */
    static final String LISTENING = "Orrery name server listening on ";

    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "URI", defaultValue = NameServerMain.DEFAULT_ENDPOINT,
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
        EmbeddedNameServer nameServer;
        try {
            nameServer = EmbeddedNameServer.start(listen.toString());
        } catch (OrreryException e) {
            String hint = "is another name server, or another process, listening there? --listen " + listen.scheme()
                    + "://127.0.0.1:0 picks a free port";
            return ErrorReport.print(e, hint, err, verbose);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("orrery nameserver: stopping; watches end and registrations are forgotten");
            err.flush();
            nameServer.close();
        }, "orrery-nameserver-shutdown"));
        out.println(LISTENING + nameServer.endpoint());
        out.println("Services register here with leases; press Ctrl-C to stop.");
        out.flush();
        // Runs until the JVM is stopped (Ctrl-C, SIGTERM): the shutdown hook closes the name server.
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }
}
