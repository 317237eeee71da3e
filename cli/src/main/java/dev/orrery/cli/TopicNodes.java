package dev.orrery.cli;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.pubsub.TopicsInfo;
import dev.orrery.registry.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The nodes that registered publishers or subscriptions, each asked for its {@link TopicsInfo#report()}: all of them
 * at once, each within the deadline, a node that does not answer recorded with why.
 */
final class TopicNodes {

    /**
     * One node: what the name server lists of it, and its answers.
     *
     * @param identity      such as {@code subscribe@box/4321}
     * @param registrations its instances of {@value TopicRegistrations#SERVICE}
     * @param endpoint      where this command asks it, or {@code null} when it can reach none of its endpoints
     * @param samples       its reports, oldest first, one per round it answered
     * @param failure       why it did not answer the last round it was asked, or {@code null}
     */
    record Asked(String identity, List<Instance> registrations, Endpoint endpoint, List<TopicsInfo.Report> samples,
                 String failure) {

        /** @return its latest report, or {@code null} when it never answered */
        TopicsInfo.Report latest() {
            return samples.isEmpty() ? null : samples.getLast();
        }

        /** @return its first report when it answered twice, else {@code null}: rates need two */
        TopicsInfo.Report earlier() {
            return samples.size() < 2 ? null : samples.getFirst();
        }
    }

    private TopicNodes() {
    }

    /**
     * Groups registrations by node: instances with the same endpoints come from the same node.
     *
     * @param node      this command's node, which chooses the endpoint to ask
     * @param instances every instance of {@value TopicRegistrations#SERVICE}
     * @return one entry per node, not asked yet
     */
    static List<Asked> of(Node node, List<Instance> instances) {
        Map<List<String>, List<Instance>> byNode = new LinkedHashMap<>();
        instances.forEach(instance -> byNode.computeIfAbsent(instance.endpoints(), key -> new ArrayList<>())
                .add(instance));
        List<Asked> nodes = new ArrayList<>();
        byNode.values().forEach(registrations -> {
            Instance first = registrations.getFirst();
            Endpoint endpoint = node.endpointFor(first).orElse(null);
            String failure = endpoint != null ? null
                    : "none of its endpoints " + first.endpoints() + " can be reached from here";
            nodes.add(new Asked(TopicRegistrations.node(first), List.copyOf(registrations), endpoint, List.of(),
                    failure));
        });
        return nodes;
    }

    /**
     * Asks every node that answered so far for its report once more, all at once.
     *
     * @param node     this command's node
     * @param nodes    the nodes and their answers so far
     * @param deadline how long each may take
     * @return the nodes with this round's answers
     */
    static List<Asked> ask(Node node, List<Asked> nodes, Duration deadline) {
        List<CompletableFuture<Asked>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Asked asked : nodes) {
                answers.add(asked.failure() != null ? CompletableFuture.completedFuture(asked)
                        : CompletableFuture.supplyAsync(() -> ask(node, asked, deadline), threads));
            }
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private static Asked ask(Node node, Asked asked, Duration deadline) {
        try {
            TopicsInfo.Report report = node.connect(TopicsInfo.class, asked.endpoint(), deadline).report();
            if (report == null) {
                throw new OrreryException(Status.INTERNAL, "it answered no report");
            }
            List<TopicsInfo.Report> samples = new ArrayList<>(asked.samples());
            samples.add(report);
            return new Asked(asked.identity(), asked.registrations(), asked.endpoint(), List.copyOf(samples), null);
        } catch (OrreryException e) {
            return failed(asked, e.status() + ": " + e.description());
        } catch (RuntimeException e) {
            return failed(asked, e.toString());
        }
    }

    private static Asked failed(Asked asked, String why) {
        return new Asked(asked.identity(), asked.registrations(), asked.endpoint(), asked.samples(), why);
    }
}
