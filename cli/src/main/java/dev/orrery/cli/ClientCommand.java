package dev.orrery.cli;

import dev.orrery.Calls;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.bench.DurationConverter;
import dev.orrery.registry.NameServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntSupplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to other nodes: it opens a client node that knows the name server, runs, and reports
 * an {@link OrreryException} as {@code STATUS: message} with the exit code of its status.
 */
abstract class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NameServerOption nameServer;

    @Mixin
    SharedMemoryOption sharedMemory;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long the command may wait for answers, such as 500ms, 5s or 2m (default: "
                    + "${DEFAULT-VALUE})")
    Duration deadline;

    @Option(names = {"-v", "--verbose"},
            description = "say which endpoint each call goes to, and print the stack trace of a failure")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /** Whether the failure being reported came from the name server rather than from a service; picks the hint. */
    private boolean nameServerFailed;

    @Override
    public final Integer call() {
        if (deadline.isZero()) {
            throw new ParameterException(spec.commandLine(), "--deadline must be longer than zero, such as 5s");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Node node = configure(Node.builder().name("cli").defaultDeadline(deadline)
                .nameserver(nameServer.endpoint().toString()).sharedMemory(sharedMemory.mode())).build()) {
            int code = run(node, out);
            out.flush();
            return code;
        } catch (OrreryException e) {
            out.flush();
            return ErrorReport.print(e, hint(e), err, verbose);
        }
    }

    /**
     * Adjusts the node before it is built: a client by default; a command that receives messages gives it a name
     * of its own and a listener.
     *
     * @param node the node's options so far
     * @return the options to build the node with
     */
    Node.Builder configure(Node.Builder node) {
        return node;
    }

    /**
     * Does the command's work.
     *
     * @param node a client node whose {@link Node#nameServer()} is the one of {@code --nameserver}
     * @param out  stdout, for results only
     * @return the exit code
     * @throws OrreryException when a call fails or the input is wrong
     */
    abstract int run(Node node, PrintWriter out);

    /**
     * Runs a block with {@code --deadline} as the deadline of every call it makes, all together.
     *
     * @param body the block
     * @return what the block returned
     */
    final int withinDeadline(IntSupplier body) {
        int[] code = {ExitCodes.OTHER};
        Calls.withDeadline(deadline, () -> {
            code[0] = body.getAsInt();
        });
        return code[0];
    }

    /**
     * Asks the name server a question; when it fails, the failure says that the name server failed.
     *
     * @param node     the client node
     * @param question the call to make
     * @param <T>      the answer's type
     * @return the answer
     * @throws OrreryException naming the name server when it cannot be reached
     */
    final <T> T askNameServer(Node node, Function<NameServer, T> question) {
        try {
            return question.apply(node.nameServer());
        } catch (OrreryException e) {
            throw nameServerFailure(e);
        }
    }

    /**
     * Marks a failure as the name server's, and names the name server in it when it could not be reached.
     *
     * @param failure what the name server call threw
     * @return the failure to report
     */
    final OrreryException nameServerFailure(OrreryException failure) {
        String where = failure.description().contains(nameServer.endpoint().toString()) ? ""
                : " at " + nameServer.endpoint();
        return nameServerFailure(failure, "no name server answered" + where);
    }

    /**
     * Marks a failure as the name server's, and says what failed when it could not be reached.
     *
     * @param failure what the name server call threw
     * @param what    what failed, such as {@code no name server answered at tcp://127.0.0.1:2012}
     * @return the failure to report
     */
    final OrreryException nameServerFailure(OrreryException failure, String what) {
        nameServerFailed = true;
        if (failure.status() == Status.UNAVAILABLE) {
            return new OrreryException(Status.UNAVAILABLE, what + ": " + failure.description(), failure);
        }
        return failure;
    }

    /**
     * A line that tells the user what to do about a failure.
     *
     * @param failure the failure
     * @return the line, or {@code null} when there is nothing to add
     */
    String hint(OrreryException failure) {
        if (nameServerFailed && failure.status() == Status.UNAVAILABLE) {
            return NameServerOption.startHint(nameServer.endpoint());
        }
        if (nameServerFailed && failure.status() == Status.NOT_FOUND && failure.description()
                .contains(NameServer.NAME)) {
            return nameServer.endpoint() + " is a node, but not a name server; point --nameserver or "
                    + NameServerOption.ENVIRONMENT + " at one, such as bin/orrery nameserver runs on "
                    + NameServerOption.DEFAULT;
        }
        if (failure.status() == Status.DEADLINE_EXCEEDED) {
            return "no answer within --deadline " + DurationConverter.format(deadline) + "; a longer one may help";
        }
        return null;
    }
}
