package dev.orrery.pubsub;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A subscriber in a child JVM. Arguments: the name server, the pattern, what the handler does, and the
 * shared-memory mode ({@code never} or {@code auto}). It prints {@code READY <subscription id>} once subscribed,
 * and runs until its standard input closes or it is killed.
 *
 * <ul>
 *   <li>{@code block}: prints {@code GOT <sequence> <n>} for the first message, then blocks in the handler for
 *       good, so that a SYNC publish to it stays outstanding;</li>
 *   <li>{@code count:N}: checks that each publisher's sequence numbers and values rise, and prints
 *       {@code DONE <received> <disorders>} once N messages have arrived.</li>
 * </ul>
 */
public final class SubscriberMain {

    private SubscriberMain() {
    }

    /**
     * Runs the subscriber.
     *
     * @param args the name server, pattern, behaviour and shared-memory mode
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        String behaviour = args[2];
        NodeOptions options = NodeOptions.builder().name("child-subscriber").listen("tcp://127.0.0.1:0")
                .nameserver(args[0]).sharedMemory(SharedMemory.of(args[3])).leaseTtl(Duration.ofSeconds(2)).build();
        try (Node node = Node.create(options)) {
            // SIGTERM closes the node too: its endpoints, shared-memory files included, go with it.
            Runtime.getRuntime().addShutdownHook(new Thread(node::close));
            node.start();
            MessageHandler<Quote> handler = behaviour.equals("block") ? blocking()
                    : counting(Long.parseLong(behaviour.substring("count:".length())));
            TopicSubscription subscription = node.subscribe(args[1], Quote.class, handler);
            System.out.println("READY " + subscription.id());
            while (System.in.read() >= 0) {
                continue;
            }
        }
    }

    private static MessageHandler<Quote> blocking() {
        CountDownLatch never = new CountDownLatch(1);
        return message -> {
            System.out.println("GOT " + message.sequence() + " " + message.value().n());
            never.await();
        };
    }

    private static MessageHandler<Quote> counting(long expected) {
        Map<String, long[]> last = new HashMap<>();
        long[] counts = new long[2];
        return message -> {
            long[] previous = last.computeIfAbsent(message.publisher(), p -> new long[2]);
            if (message.sequence() <= previous[0] || message.value().n() <= previous[1]) {
                counts[1]++;
            }
            previous[0] = message.sequence();
            previous[1] = message.value().n();
            if (++counts[0] == expected) {
                System.out.println("DONE " + counts[0] + " " + counts[1]);
            }
        };
    }
}
