package dev.orrery.cli;

import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.SharedMemory;
import dev.orrery.Status;
import dev.orrery.bench.DurationConverter;
import dev.orrery.supervisor.SupervisorService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orrery down}: asks the supervisor registered with the name server to stop every worker and itself, and
 * waits until its process has exited.
 */
@Command(name = "down",
        description = {
            "Stops the supervisor that 'orrery up' runs: every worker stops gracefully, then the console",
            "and the name server. It finds the supervisor through the name server, and waits until the",
            "supervisor's process has exited."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_OTHER, ExitCodes.LIST_OPTIONS,
            "3:no supervisor is registered with the name server", ExitCodes.LIST_UNAVAILABLE,
            "5:the supervisor did not stop within --wait"})
final class DownCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NameServerOption nameServer;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "how long to wait for the supervisor to stop (default: ${DEFAULT-VALUE})")
    Duration wait;

    @Option(names = {"-v", "--verbose"}, description = "print the stack trace of a failure")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long pid;
        try (Node node = Node.builder().name("orrery-down").nameserver(nameServer.endpoint().toString())
                .sharedMemory(SharedMemory.NEVER).build()) {
            pid = node.locate(SupervisorService.class).shutdown();
        } catch (OrreryException e) {
            String hint = switch (e.status()) {
                case NOT_FOUND -> "no supervisor is registered with the name server at " + nameServer.endpoint()
                        + "; is 'orrery up' running with another [nameserver] port? --nameserver points there";
                case UNAVAILABLE -> "no name server answers at " + nameServer.endpoint() + ", so no supervisor "
                        + "runs with it: nothing to stop";
                default -> null;
            };
            return ErrorReport.print(e, hint, err, verbose);
        }
        out.println("orrery down: the supervisor (pid " + pid + ") is stopping its workers");
        out.flush();
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            out.println("orrery down: stopped");
            return ExitCodes.OK;
        }
        try {
            process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ErrorReport.print(new OrreryException(Status.DEADLINE_EXCEEDED, "the supervisor (pid " + pid
                    + ") still runs after " + wait.toSeconds() + "s"), "its workers may still be finishing calls; "
                    + "wait longer with --wait, or end it with: kill " + pid, err, verbose);
        } catch (ExecutionException e) {
            // The handle's future does not fail; an exit is an exit.
        }
        out.println("orrery down: stopped");
        out.flush();
        return ExitCodes.OK;
    }
}
