package dev.orrery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.bench.DurationConverter;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.TopicPattern;
import dev.orrery.pubsub.TopicRegistration;
import dev.orrery.pubsub.TopicSubscription;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code orrery subscribe}: subscribes to the topics a pattern matches and prints each message as it arrives, until
 * {@code --count} messages or Ctrl-C.
 */
@Command(name = "subscribe",
        description = {
            "Subscribes to the topics a pattern matches and prints each message as it comes.",
            "A line reads TOPIC SEQUENCE JSON; with --json, each message is a JSON object",
            "{\"topic\", \"publisher\", \"sequence\", \"value\"} on a line of its own.",
            "In a pattern, * stands for one segment and a last > for one or more: demo.> takes",
            "demo.ticks and demo.a.b. Once the name server lists the subscription, the line",
            "'subscribed to PATTERN' goes to stderr; it runs until Ctrl-C or --count messages.",
            "Publishers reach this command at --listen.",
            "Examples: orrery subscribe 'demo.>'",
            "          orrery subscribe --json --count 3 demo.ticks"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_USAGE,
            ExitCodes.LIST_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
final class SubscribeCommand extends ClientCommand {

    /** The line on stderr, followed by the pattern, once the name server lists the subscription. */
    static final String SUBSCRIBED = "subscribed to ";

    /** How often the name server is asked whether it lists the subscription yet. */
    private static final long POLL_MILLIS = 20;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "the topics, such as demo.ticks, 'demo.*' or "
            + "'demo.>' (quote wildcards for the shell)")
    String pattern;

    @Option(names = "--count", paramLabel = "N", description = "stop after N messages (default: run until Ctrl-C)")
    Integer count;

    @Option(names = "--json", description = "print one JSON object per message: topic, publisher, sequence, value")
    boolean json;

    @Option(names = "--group", paramLabel = "G", description = "join queue group G: the subscriptions of a group "
            + "share each publisher's messages, each going to one of them (default: every message comes here)")
    String group;

    @Option(names = "--listen", paramLabel = "URI", defaultValue = "tcp://127.0.0.1:0",
            converter = EndpointConverter.class,
            description = "where publishers reach this command; port 0 picks a free one (default: ${DEFAULT-VALUE})")
    Endpoint listen;

    /** Whether the node was being started; picks the hint. */
    private boolean starting;

    @Override
    Node.Builder configure(Node.Builder node) {
        return node.name("subscribe").listen(listen.toString());
    }

    @Override
    int run(Node node, PrintWriter out) {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
        }
        TopicPattern.of(pattern);
        SubscribeOptions options = options();
        // Asked first, so that a missing name server fails at once rather than as a subscription no one finds.
        withinDeadline(() -> askNameServer(node, nameServer -> nameServer.list(TopicRegistration.SERVICE)).size());
        starting = true;
        node.start();
        starting = false;
        PrintWriter err = spec.commandLine().getErr();
        MessagePrinter printer = new MessagePrinter(out, err, json, count);
        TopicSubscription subscription = node.subscribe(pattern, JsonNode.class, printer, options);
        // Ctrl-C and SIGTERM end the wait below only by ending the JVM: closing the node deregisters first.
        Thread stop = new Thread(node::close, "orrery-subscribe-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            awaitListed(node, subscription);
            err.println(SUBSCRIBED + pattern + (group == null ? "" : " in group " + group)
                    + (count == null ? "; Ctrl-C stops" : "; stopping after " + count
                    + (count == 1 ? " message" : " messages")));
            err.flush();
            return printer.done().get();
        } catch (ExecutionException e) {
            throw new OrreryException(Status.INTERNAL, "printing messages failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(Status.CANCELLED, "interrupted while subscribed to " + pattern, e);
        } finally {
            // The subscription ends with the node, which deregisters it before it returns.
            removeHook(stop);
        }
    }

    private SubscribeOptions options() {
        try {
            return SubscribeOptions.defaults().withManualRelease().withGroup(group);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--group': "
                    + e.getMessage(), e, null, group);
        }
    }

    /** Waits until the name server lists the subscription, where publishers on other nodes find it. */
    private void awaitListed(Node node, TopicSubscription subscription) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        Map<String, String> mine = Map.of(TopicRegistration.ID, subscription.id());
        while (true) {
            int listed = withinDeadline(() -> askNameServer(node, nameServer -> nameServer.locate(
                    TopicRegistration.SERVICE, mine)).size());
            if (listed > 0) {
                return;
            }
            if (System.nanoTime() - end > 0) {
                throw new OrreryException(Status.DEADLINE_EXCEEDED, "the name server at " + nameServer.endpoint()
                        + " did not list the subscription to " + pattern + " within "
                        + DurationConverter.format(deadline));
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already stopping, and the hook with it.
        }
    }

    @Override
    String hint(OrreryException failure) {
        if (starting && failure.status() == Status.UNAVAILABLE) {
            return "is another process listening at " + listen + "? --listen " + listen.scheme()
                    + "://127.0.0.1:0 picks a free port";
        }
        return super.hint(failure);
    }
}
