package dev.orrery.cli;

import dev.orrery.bench.BenchCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code orrery} command: runs services from a config file under a supervisor, runs a name server, serves the demo services, lists and watches what is registered,
 * calls and describes any service by name or at an endpoint, publishes and subscribes to topics, runs benchmarks.
 *
 * <pre>{@code
 * orrery up examples/orrery.toml
 * orrery down
 * orrery nameserver --listen tcp://127.0.0.1:2012
 * orrery demo --listen tcp://127.0.0.1:0
 * orrery ls
 * orrery call demo.echo echo '["hi"]'
 * orrery call --endpoint tcp://127.0.0.1:7070 demo.echo echo '["hi"]'
 * orrery subscribe 'demo.>'
 * orrery publish demo.ticks '{"n":1}'
 * }</pre>
 */
@Command(name = "orrery",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = {
            "Orrery: services on the JVM that call, stream to and message each other.",
            "Commands that find services by name ask the name server at --nameserver URI,",
            "by default $" + NameServerOption.ENVIRONMENT + ", else " + NameServerOption.DEFAULT + "."
        },
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            NameServerCommand.class,
            DemoCommand.class,
            LsCommand.class,
            WatchCommand.class,
            CallCommand.class,
            DescribeCommand.class,
            PublishCommand.class,
            SubscribeCommand.class,
            TopicsCommand.class,
            BenchCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_USAGE,
            ExitCodes.LIST_NOT_FOUND,
            ExitCodes.LIST_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Creates the top-level command; picocli fills in its options. */
    public Main() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, ready to execute: a usage error prints its message and the synopsis, not the whole help.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setParameterExceptionHandler(Main::usageError)
                .setDefaultValueProvider(argument -> {
                    String nameServer = NameServerOption.defaultValue(argument);
                    return nameServer != null ? nameServer : SharedMemoryOption.defaultValue(argument);
                });
    }

    private static int usageError(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(error.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(error, err)) {
            err.print(command.getHelp().fullSynopsis());
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Without a subcommand, shows the usage and fails as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
