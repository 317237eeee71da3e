package dev.orrery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.pubsub.Message;
import dev.orrery.pubsub.MessageHandler;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

/**
 * The handler of {@code orrery subscribe}: prints each message on a line of its own and flushes it, then releases
 * it, so that a SYNC publisher's completion means the line was written. It completes {@link #done()} with the exit
 * code after {@code count} messages, or when stdout is closed.
 *
 * <p>A subscription runs its handler one message at a time, so the count has one writer at any moment.
 */
final class MessagePrinter implements MessageHandler<JsonNode> {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final Integer count;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    // Written by the handler only, one message at a time.
    private int printed;

    /**
     * A printer.
     *
     * @param out   stdout, for the messages
     * @param err   stderr, for notices of publishers that stop delivering: cut off, or lost
     * @param json  whether to print JSON objects rather than lines for people
     * @param count how many messages to print, or {@code null} for no limit
     */
    MessagePrinter(PrintWriter out, PrintWriter err, boolean json, Integer count) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.count = count;
    }

    /** @return completes with the exit code once enough messages were printed */
    CompletableFuture<Integer> done() {
        return done;
    }

    @Override
    public void onMessage(Message<JsonNode> message) {
        if (done.isDone()) {
            // Refused rather than released: a SYNC publisher learns that no one printed it.
            message.fail(new OrreryException(Status.UNAVAILABLE, "orrery subscribe has printed its --count of "
                    + count + " messages and is stopping"));
            return;
        }
        out.println(json ? jsonLine(message) : line(message));
        out.flush();
        if (out.checkError()) {
            message.fail(new OrreryException(Status.UNAVAILABLE, "orrery subscribe cannot write to its output"));
            done.complete(ExitCodes.OK);
            return;
        }
        message.release();
        printed++;
        if (count != null && printed >= count) {
            done.complete(ExitCodes.OK);
        }
    }

    @Override
    public void disconnected(String publisher, OrreryException why) {
        // Cut off as too slow (RESOURCE_EXHAUSTED), or its connection was lost (UNAVAILABLE): the status says which.
        err.println("publisher " + publisher + " stopped delivering to this subscription: " + why.status() + ": "
                + why.description());
        err.flush();
    }

    /**
     * A message for people.
     *
     * @param message the message
     * @return such as <code>demo.ticks 1 {"n":1}</code>
     */
    static String line(Message<JsonNode> message) {
        return message.topic() + " " + message.sequence() + " " + JsonText.write(value(message));
    }

    /**
     * A message for scripts.
     *
     * @param message the message
     * @return such as <code>{"topic":"demo.ticks","publisher":"publish@box/4321#1","sequence":1,"value":{"n":1}}</code>
     */
    static String jsonLine(Message<JsonNode> message) {
        ObjectNode line = ServiceDescription.JSON.createObjectNode();
        line.put("topic", message.topic());
        line.put("publisher", message.publisher());
        line.put("sequence", message.sequence());
        line.set("value", value(message));
        return JsonText.write(line);
    }

    private static JsonNode value(Message<JsonNode> message) {
        return message.value() == null ? NullNode.getInstance() : message.value();
    }
}
