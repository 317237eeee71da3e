package dev.orrery.cli;

import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.registry.RegistryEvent;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code orrery watch}: prints each change to the registered instances as the name server reports it. */
@Command(name = "watch",
        description = {
            "Prints the registered instances, then each change as it happens.",
            "Changes are REGISTERED, UPDATED, DEREGISTERED and EXPIRED; it runs until Ctrl-C",
            "or until --count events.",
            "A line reads KIND SERVICE ID ENDPOINTS {METADATA}; after the instances that were",
            "registered already, a line on stderr says that changes follow. With --json, each",
            "event is a JSON object on a line of its own, and the instances registered",
            "already end with the line {\"kind\":\"CURRENT\",\"revision\":N}.",
            "Examples: orrery watch",
            "          orrery watch --json 'demo.*'"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_OPTIONS,
            ExitCodes.LIST_NAME_SERVER_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
final class WatchCommand extends ClientCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "GLOB", defaultValue = "*",
            description = "the services to watch: * matches any run of characters, ? one (default: ${DEFAULT-VALUE})")
    String glob;

    @Option(names = "--json", description = "print one JSON object per line: kind, service, id, endpoints, "
            + "metadata, ttl_ms, registered_at, last_renewed_at, revision")
    boolean json;

    @Option(names = "--count", paramLabel = "N",
            description = "stop after N events about instances, the ones registered already included "
                    + "(default: run until Ctrl-C)")
    Integer count;

    @Override
    int run(Node node, PrintWriter out) {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
        }
        PrintWriter err = spec.commandLine().getErr();
        EventPrinter printer = new EventPrinter(out, err);
        // The deadline bounds the opening of the watch only; an open watch lasts until it is closed.
        Subscription[] watch = new Subscription[1];
        withinDeadline(() -> {
            watch[0] = askNameServer(node, nameServer -> nameServer.watch(glob, printer));
            return ExitCodes.OK;
        });
        try {
            return printer.done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OrreryException failure) {
                throw nameServerFailure(failure, "the watch of " + glob + " ended");
            }
            throw new OrreryException(Status.INTERNAL, "the watch failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(Status.CANCELLED, "interrupted while watching", e);
        } finally {
            watch[0].close();
        }
    }

    /**
     * Prints the events as they arrive, one at a time on the stream's thread, and completes {@link #done} with
     * the exit code after {@code --count} events, or with the failure that ended the stream.
     */
    private final class EventPrinter implements Sink<RegistryEvent> {
        private final PrintWriter out;
        private final PrintWriter err;
        private final CompletableFuture<Integer> done = new CompletableFuture<>();
        // Owned by the stream's callback thread: a sink's methods run one at a time, never concurrently.
        private int printed;

        EventPrinter(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void next(RegistryEvent event) {
            if (done.isDone()) {
                return;
            }
            if (event.kind() == RegistryEvent.Kind.CURRENT) {
                current(event);
                return;
            }
            if (json) {
                out.println(RegistryFormat.eventJson(event));
            } else {
                out.println(RegistryFormat.eventLine(event));
            }
            out.flush();
            printed++;
            if (count != null && printed >= count) {
                done.complete(ExitCodes.OK);
            }
        }

        private void current(RegistryEvent event) {
            if (json) {
                out.println(RegistryFormat.eventJson(event));
                out.flush();
            } else {
                err.println("-- " + printed + (printed == 1 ? " instance was" : " instances were")
                        + " registered already; changes follow as they happen (Ctrl-C stops)");
                err.flush();
            }
        }

        @Override
        public void completed() {
            done.completeExceptionally(new OrreryException(Status.UNAVAILABLE, "the name server at "
                    + nameServer.endpoint() + " is shutting down"));
        }

        @Override
        public void failed(OrreryException failure) {
            done.completeExceptionally(failure);
        }
    }
}
