package dev.orrery.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bench} command: end-to-end benchmarks of Orrery side by side with its peers ({@code rpc} for calls,
 * {@code pubsub} for topics), and of its calls by name ({@code locate}).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures Orrery side by side with its peers (gRPC-java, JeroMQ, Aeron) and the raw floor of "
                + "the machine between two processes, its topics between a publisher and its subscribers, and its "
                + "calls by name through the name server.",
        subcommands = {RpcBench.class, LocateBench.class, DoorbellBench.class, PubSubBench.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli fills in its options. */
    public BenchCommand() {
    }

    /** Without a subcommand, shows the usage and fails as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing a benchmark: rpc, pubsub, locate or doorbell");
    }
}
