package dev.orrery.cli;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.console.Console;
import dev.orrery.supervisor.ConfigException;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.Supervisor;
import dev.orrery.supervisor.SupervisorConfig;
import dev.orrery.supervisor.SupervisorOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orrery up FILE}: checks the config file whole, then runs the supervisor it describes, with its name
 * server, console and service groups, until Ctrl-C or {@code orrery down}.
 */
@Command(name = "up",
        description = {
            "Runs the services of a config file (orrery.toml) as worker processes, with a name server and",
            "a web console, until Ctrl-C or 'orrery down'. The whole file is checked first: every problem",
            "is reported with its line, and nothing starts until there is none."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_OTHER, "2:the config file has problems, listed on stderr",
            ExitCodes.LIST_UNAVAILABLE})
final class UpCommand implements Callable<Integer> {

    /** The line that names the console's address, followed by it; scripts and tests read it. */
    static final String CONSOLE = "Console: ";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the config file, such as examples/orrery.toml")
    Path file;

    @Option(names = {"-v", "--verbose"}, description = "print the stack trace of a failure")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("orrery up: no config file at " + file.toAbsolutePath().normalize()
                    + "; try: bin/orrery up examples/orrery.toml");
            err.flush();
            return ExitCodes.USAGE;
        }
        SupervisorConfig config;
        try {
            config = SupervisorConfig.load(file);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SupervisorOptions options = SupervisorOptions.defaults().withRegistry(registry).withJournal(line -> {
            out.println(line);
            out.flush();
        });
        Supervisor supervisor;
        try {
            supervisor = Supervisor.start(config, options);
        } catch (OrreryException e) {
            return ErrorReport.print(e, e.status() == Status.UNAVAILABLE
                    ? "is another supervisor or name server running? bin/orrery down stops a supervisor" : null,
                    err, verbose);
        }
        Console console;
        try {
            console = Console.start(supervisor, config.console(), registry);
        } catch (OrreryException e) {
            supervisor.close();
            return ErrorReport.print(e, "is another program using the console's port? [console] port in "
                    + file + " sets it", err, verbose);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("orrery up: stopping every worker; each has its group's grace period to finish its calls");
            err.flush();
            supervisor.close();
            console.close();
        }, "orrery-up-shutdown"));
        out.println("Name server: " + supervisor.nameServerEndpoint());
        out.println(CONSOLE + console.uri());
        out.println("Running " + String.join(", ", supervisor.groups().stream().map(GroupSnapshot::name).toList())
                + " from " + file + ". Ctrl-C or bin/orrery down stops them.");
        out.flush();
        supervisor.closed().join();
        console.close();
        out.println("orrery up: stopped");
        out.flush();
        return ExitCodes.OK;
    }
}
