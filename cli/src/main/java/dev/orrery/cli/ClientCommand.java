package dev.orrery.cli;

import dev.orrery.Calls;
import dev.orrery.DynamicClient;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.bench.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to a service at an endpoint: it opens a client node, runs within the deadline, and
 * reports an {@link OrreryException} as {@code STATUS: message} with the exit code of its status.
 */
abstract class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", required = true, paramLabel = "URI", converter = EndpointConverter.class,
            description = "the node to talk to, such as tcp://127.0.0.1:7070")
    Endpoint endpoint;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long the command may wait for answers, such as 500ms, 5s or 2m (default: "
                    + "${DEFAULT-VALUE})")
    Duration deadline;

    @Option(names = {"-v", "--verbose"}, description = "print the stack trace of a failure")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public final Integer call() {
        if (deadline.isZero()) {
            throw new ParameterException(spec.commandLine(), "--deadline must be longer than zero, such as 5s");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Node node = Node.builder().name("cli").defaultDeadline(deadline).build()) {
            DynamicClient client = node.dynamic(endpoint);
            int[] code = {ExitCodes.OTHER};
            Calls.withDeadline(deadline, () -> {
                code[0] = run(client, out);
            });
            out.flush();
            return code[0];
        } catch (OrreryException e) {
            out.flush();
            return ErrorReport.print(e, hint(e), err, verbose);
        }
    }

    /**
     * Does the command's work.
     *
     * @param client the client bound to {@link #endpoint}
     * @param out    stdout, for results only
     * @return the exit code
     * @throws OrreryException when a call fails or the input is wrong
     */
    abstract int run(DynamicClient client, PrintWriter out);

    /**
     * A line that tells the user what to do about a failure.
     *
     * @param failure the failure
     * @return the line, or {@code null} when there is nothing to add
     */
    String hint(OrreryException failure) {
        return switch (failure.status()) {
            case UNAVAILABLE -> "is a node running at " + endpoint + "? Start one with: bin/orrery demo --listen "
                    + endpoint;
            case DEADLINE_EXCEEDED -> "no answer within --deadline " + text(deadline) + "; a longer one may help";
            default -> null;
        };
    }

    private static String text(Duration duration) {
        return DurationConverter.format(duration);
    }
}
