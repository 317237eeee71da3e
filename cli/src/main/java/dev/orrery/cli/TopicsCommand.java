package dev.orrery.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.bench.DurationConverter;
import dev.orrery.pubsub.TopicRegistration;
import dev.orrery.registry.Instance;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orrery topics}: the publishers and subscriptions the name server lists, with what each node reports of
 * them, summed per topic and per pattern.
 */
@Command(name = "topics",
        description = {
            "Lists the topics published to and the patterns subscribed to, with their counts.",
            "It finds publishers and subscriptions in the name server and asks each of their",
            "nodes: a row per topic or pattern shows publishers, subscribers, messages",
            "published or received, per second over --interval, dropped by slow-consumer",
            "policies, subscribers cut off, and failed deliveries or handlings.",
            "A node that does not answer is named below the table; its publishers and",
            "subscriptions are counted, not their messages.",
            "With --json: a JSON array of rows, nothing else.",
            "Examples: orrery topics",
            "          orrery topics --json --interval 0s"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_OPTIONS,
            ExitCodes.LIST_NAME_SERVER_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
final class TopicsCommand extends ClientCommand {

    private static final String[] HEADER = {"TOPIC/PATTERN", "KIND", "GROUP", "PUBLISHERS", "SUBSCRIBERS",
        "PUBLISHED", "RECEIVED", "MSG/S", "DROPPED", "DISCONNECTED", "FAILED"};

    @Option(names = "--json", description = "print a JSON array with one object per topic and per pattern")
    boolean json;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "how long between the two samples that rates come from; 0s takes one sample and no rates "
                    + "(default: ${DEFAULT-VALUE})")
    Duration interval;

    @Override
    int run(Node node, PrintWriter out) {
        List<Instance> instances = new ArrayList<>();
        withinDeadline(() -> {
            instances.addAll(askNameServer(node, nameServer -> nameServer.locate(TopicRegistration.SERVICE,
                    Map.of())));
            return ExitCodes.OK;
        });
        List<TopicNodes.Asked> nodes = TopicNodes.ask(node, TopicNodes.of(node, instances), deadline);
        if (!interval.isZero() && nodes.stream().anyMatch(asked -> asked.latest() != null)) {
            sleep(interval);
            nodes = TopicNodes.ask(node, nodes, deadline);
        }
        List<TopicRows.Row> rows = TopicRows.of(nodes);
        if (json) {
            out.println(json(rows));
        } else if (rows.isEmpty()) {
            out.println("no publishers or subscriptions are registered with the name server at "
                    + nameServer.endpoint());
        } else {
            print(rows, out);
            unreachable(nodes, out);
        }
        return ExitCodes.OK;
    }

    private void sleep(Duration pause) {
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(Status.CANCELLED, "interrupted between the two samples", e);
        }
    }

    private static String json(List<TopicRows.Row> rows) {
        ArrayNode array = ServiceDescription.JSON.createArrayNode();
        for (TopicRows.Row row : rows) {
            ObjectNode entry = array.addObject();
            entry.put("kind", row.kind().name().toLowerCase(Locale.ROOT));
            entry.put("name", row.name());
            entry.put("group", row.group());
            entry.put("publishers", row.publishers());
            entry.put("subscribers", row.subscribers());
            entry.put("published", row.published());
            entry.put("received", row.received());
            entry.put("per_second", row.perSecond());
            entry.put("dropped", row.dropped());
            entry.put("disconnected", row.disconnected());
            entry.put("failed", row.failed());
            row.nodes().forEach(entry.putArray("nodes")::add);
            row.unreachable().forEach(entry.putArray("unreachable")::add);
        }
        return JsonText.write(array);
    }

    /** Aligned columns, one row per topic or pattern; a dash where a column does not apply or is not known. */
    private static void print(List<TopicRows.Row> rows, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (TopicRows.Row row : rows) {
            lines.add(new String[] {row.name(), row.kind().name().toLowerCase(Locale.ROOT),
                dash(row.group()), Integer.toString(row.publishers()), Integer.toString(row.subscribers()),
                dash(row.published()), dash(row.received()),
                row.perSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", row.perSecond()),
                dash(row.dropped()), dash(row.disconnected()), dash(row.failed())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(String.format("%-" + widths[i] + "s", line[i])).append("  ");
            }
            out.println(text.toString().stripTrailing());
        }
    }

    /** A line per node that never answered, with why. */
    private static void unreachable(List<TopicNodes.Asked> nodes, PrintWriter out) {
        for (TopicNodes.Asked node : nodes) {
            if (node.latest() == null) {
                out.println("unreachable: " + node.identity() + (node.endpoint() == null ? "" : " at "
                        + node.endpoint()) + ": " + node.failure());
            }
        }
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
