package dev.orrery.pubsub;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A publisher in a child JVM. Arguments: the name server, the topic, how many messages, and the first value's
 * number. It prints {@code READY <publisher id>}, waits for one subscriber, publishes the values from the first
 * on, SYNC, prints {@code PUBLISHED <count>}, and runs until its standard input closes or it is killed.
 */
public final class PublisherMain {

    private PublisherMain() {
    }

    /**
     * Runs the publisher.
     *
     * @param args the name server, topic, count and first value
     * @throws Exception when publishing fails
     */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        long first = Long.parseLong(args[3]);
        NodeOptions options = NodeOptions.builder().name("child-publisher").nameserver(args[0])
                .sharedMemory(SharedMemory.NEVER).build();
        try (Node node = Node.create(options)) {
            node.start();
            Publisher<Quote> publisher = node.publisher(args[1], Quote.class, PublisherOptions.sync());
            System.out.println("READY " + publisher.info().id());
            if (!publisher.awaitSubscribers(1, 20_000)) {
                throw new IllegalStateException("no subscriber within 20 s");
            }
            for (long n = first; n < first + count; n++) {
                CompletableFuture<Void> done = publisher.publish(new Quote("child", n));
                done.get(10, TimeUnit.SECONDS);
            }
            System.out.println("PUBLISHED " + count);
            awaitEndOfInput();
        }
    }

    private static void awaitEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            continue;
        }
    }
}
