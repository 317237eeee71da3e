package dev.orrery.cli;

import dev.orrery.DynamicClient;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.NearestName;
import dev.orrery.registry.Instance;
import dev.orrery.registry.ServiceSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A subcommand that talks to one service: at {@code --endpoint}, or at an instance that the name server lists,
 * trying the next instance when one cannot be reached.
 */
abstract class ServiceCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "the service, such as demo.echo")
    String service;

    @Option(names = "--endpoint", paramLabel = "URI", converter = EndpointConverter.class,
            description = "the node to talk to, such as tcp://127.0.0.1:7070, without asking the name server "
                    + "(default: an instance that the name server lists)")
    Endpoint endpoint;

    /**
     * Does the command's work with the service at one endpoint.
     *
     * @param client the client bound to that endpoint
     * @param out    stdout, for results only
     * @return the exit code
     * @throws OrreryException when a call fails or the input is wrong
     */
    abstract int run(DynamicClient client, PrintWriter out);

    /**
     * Whether a failure to reach an instance leaves the command free to try another one. It always may before
     * the command has made a call with effects; a subclass says when it has.
     *
     * @param failure the {@link Status#UNAVAILABLE} failure
     * @return true to try the next instance
     */
    boolean mayTryAnotherInstance(OrreryException failure) {
        return true;
    }

    @Override
    final int run(Node node, PrintWriter out) {
        return withinDeadline(() -> endpoint != null ? run(node.dynamic(endpoint), out) : runByName(node, out));
    }

    private int runByName(Node node, PrintWriter out) {
        List<Endpoint> candidates = candidates(node);
        OrreryException last = null;
        for (Endpoint candidate : candidates) {
            if (verbose) {
                spec.commandLine().getErr().println("calling " + service + " at " + candidate);
            }
            try {
                return run(node.dynamic(candidate), out);
            } catch (OrreryException e) {
                if (e.status() != Status.UNAVAILABLE || ErrorReport.fromHandler(e) || !mayTryAnotherInstance(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new OrreryException(Status.UNAVAILABLE, "no instance of " + service + " answered; tried "
                + candidates.size() + " (" + join(candidates) + "), the last said: " + last.description(), last);
    }

    /**
     * The endpoint of each instance the name server lists that this node would call, oldest instance first:
     * shared memory for an instance on this host, TCP otherwise.
     */
    private List<Endpoint> candidates(Node node) {
        List<Instance> instances = askNameServer(node, nameServer -> nameServer.locate(service, Map.of()));
        if (instances.isEmpty()) {
            throw new OrreryException(Status.NOT_FOUND, "no instance of " + service + " is registered with the "
                    + "name server at " + nameServer.endpoint() + nearest(node));
        }
        List<Endpoint> candidates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Instance instance : instances) {
            node.endpointFor(instance).ifPresentOrElse(candidates::add, () -> others.addAll(instance.endpoints()));
        }
        if (candidates.isEmpty()) {
            throw new OrreryException(Status.NOT_FOUND, "no instance of " + service + " has an endpoint this "
                    + "command can reach; the name server at " + nameServer.endpoint() + " lists only " + others);
        }
        return candidates;
    }

    /** A registered name close to the one asked for, as a sentence to append. */
    private String nearest(Node node) {
        List<String> names = askNameServer(node, nameServer -> nameServer.list("*")).stream()
                .map(ServiceSummary::service).toList();
        return NearestName.of(service, names).map(name -> ". Did you mean '" + name + "'?").orElse("");
    }

    private static String join(List<Endpoint> endpoints) {
        return String.join(", ", endpoints.stream().map(Endpoint::toString).toList());
    }

    @Override
    String hint(OrreryException failure) {
        if (failure.status() == Status.UNAVAILABLE && endpoint != null) {
            return "is a node running at " + endpoint + "? Start one with: bin/orrery demo --listen " + endpoint;
        }
        if (failure.status() == Status.NOT_FOUND && endpoint == null
                && failure.description().startsWith("no instance of ")) {
            return NameServerOption.sample(nameServer.endpoint(), "ls") + " lists the services registered there; "
                    + "bin/orrery demo serves demo.echo, demo.kv and demo.calc";
        }
        String general = super.hint(failure);
        if (general == null && failure.status() == Status.UNAVAILABLE && endpoint == null) {
            return "an instance that stopped without deregistering stays listed until its lease runs out (10 s by "
                    + "default); --endpoint URI talks to one node directly";
        }
        return general;
    }
}
