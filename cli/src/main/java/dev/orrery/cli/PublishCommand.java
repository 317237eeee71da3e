package dev.orrery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.bench.DurationConverter;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.TopicPattern;
import dev.orrery.pubsub.TopicRegistration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code orrery publish}: publishes a JSON value to a topic, once or {@code --count} times, and says on stderr how
 * many subscribers took it and how long it took.
 */
@Command(name = "publish",
        description = {
            "Publishes a JSON value to a topic, to every subscription whose pattern matches it.",
            "It waits up to --wait for a first subscriber, warns when there is none, then",
            "publishes --count times, at most --rate per second. Delivery is SYNC unless",
            "--async: the command ends when every subscriber has handled every message, and",
            "each message one did not take prints STATUS: message and fails the command.",
            "A summary goes to stderr: published N to S subscribers in T ms.",
            "Examples: orrery publish demo.ticks '{\"n\":1}'",
            "          orrery publish --count 100 --rate 10 demo.ticks '{\"n\":1}'"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_OTHER,
            ExitCodes.LIST_USAGE,
            ExitCodes.LIST_UNAVAILABLE,
            ExitCodes.LIST_DEADLINE
        })
final class PublishCommand extends ClientCommand {

    /** What the message example shows; a topic is added before it. */
    private static final String EXAMPLE = "'{\"n\":1}'";

    @Parameters(index = "0", paramLabel = "TOPIC", description = "the topic, such as demo.ticks")
    String topic;

    @Parameters(index = "1", paramLabel = "JSON", description = "the message: any JSON value, such as '{\"n\":1}'")
    String json;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "how many times to publish the message (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--rate", paramLabel = "R",
            description = "publish at most R messages per second, such as 10 or 0.5 (default: as fast as they go)")
    Double rate;

    @Option(names = "--async",
            description = "complete each publish when it is written to every subscriber, not when handled")
    boolean async;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "how long to wait for a first subscriber before publishing (default: ${DEFAULT-VALUE})")
    Duration waitFor;

    /** Whether the message was refused as JSON; picks the hint. */
    private boolean badJson;

    @Override
    Node.Builder configure(Node.Builder node) {
        return node.name("publish");
    }

    @Override
    int run(Node node, PrintWriter out) {
        checkOptions();
        TopicPattern.checkTopic(topic);
        badJson = true;
        JsonNode message = JsonText.parse(json, "the message", EXAMPLE);
        badJson = false;
        // Asked first, so that a missing name server fails here, rather than as a warning and no subscriber.
        withinDeadline(() -> askNameServer(node, nameServer -> nameServer.locate(TopicRegistration.SERVICE,
                TopicRegistrations.SUBSCRIPTIONS)).size());
        PrintWriter err = spec.commandLine().getErr();
        PublisherOptions options = async ? PublisherOptions.async() : PublisherOptions.sync();
        try (Publisher<JsonNode> publisher = node.publisher(topic, JsonNode.class, options)) {
            if (!publisher.awaitSubscribers(1, waitFor.toMillis())) {
                err.println("warning: no subscriber of " + topic + " after waiting " + DurationConverter.format(waitFor)
                        + " (--wait); what is published goes to no one");
                err.flush();
            }
            return publish(publisher, message, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(Status.CANCELLED, "interrupted while publishing to " + topic, e);
        }
    }

    private void checkOptions() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new ParameterException(spec.commandLine(), "--rate must be a number of messages per second above "
                    + "zero, such as 10 or 0.5, got " + rate);
        }
    }

    /** Publishes {@code --count} times at {@code --rate}, then waits for every completion; returns the exit code. */
    private int publish(Publisher<JsonNode> publisher, JsonNode message, PrintWriter err)
            throws InterruptedException {
        Outcomes outcomes = new Outcomes(count, err);
        long started = System.nanoTime();
        double gapNanos = rate == null ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        int subscribers = 0;
        for (int i = 0; i < count; i++) {
            long due = started + (long) (i * gapNanos);
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            // The most seen at once: a subscriber that leaves after the last message still counts.
            subscribers = Math.max(subscribers, publisher.subscribers());
            publisher.publish(message).whenComplete((done, failure) -> outcomes.settled(failure));
        }
        Duration grace = deadline.plusSeconds(1);
        if (!outcomes.await(grace)) {
            throw new OrreryException(Status.DEADLINE_EXCEEDED, outcomes.unsettled() + " of " + count
                    + " messages were not settled within " + DurationConverter.format(grace) + " of the last publish");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String failed = outcomes.failed() == 0 ? "" : "; " + outcomes.failed() + " not delivered";
        err.println("published " + count + " to " + subscribers + (subscribers == 1 ? " subscriber" : " subscribers")
                + " in " + millis + " ms" + (async ? " (async: written, maybe not yet handled)" : "") + failed);
        err.flush();
        return outcomes.exitCode();
    }

    @Override
    String hint(OrreryException failure) {
        if (badJson && failure.status() == Status.INVALID_ARGUMENT) {
            return "quote the message for the shell, such as: " + NameServerOption.sample(nameServer.endpoint(),
                    "publish " + topic + " " + EXAMPLE);
        }
        return super.hint(failure);
    }

    /**
     * The completions of the publishes: each failure is printed as it comes, the first one's status picks the exit
     * code. Completions arrive on the node's callback threads, several at once.
     */
    private final class Outcomes {
        private final CountDownLatch pending;
        private final PrintWriter err;
        // Guarded by this.
        private int failed;
        private int exitCode = ExitCodes.OK;

        Outcomes(int count, PrintWriter err) {
            this.pending = new CountDownLatch(count);
            this.err = err;
        }

        void settled(Throwable failure) {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                OrreryException reported = cause instanceof OrreryException orrery ? orrery
                        : new OrreryException(Status.INTERNAL, "publishing failed: " + cause, cause);
                synchronized (this) {
                    int code = ErrorReport.print(reported, null, err, verbose);
                    if (failed++ == 0) {
                        exitCode = code;
                    }
                }
            }
            pending.countDown();
        }

        boolean await(Duration timeout) throws InterruptedException {
            return pending.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        long unsettled() {
            return pending.getCount();
        }

        synchronized int failed() {
            return failed;
        }

        synchronized int exitCode() {
            return exitCode;
        }
    }
}
