package dev.orrery.bench;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import dev.orrery.pubsub.Delivery;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.SubscribeOptions;
import java.util.function.BooleanSupplier;

/**
 * Orrery's ends of {@code bench pubsub}: a node per process, all registered with one name server, through which
 * the publisher finds the subscriptions. The transport is forced on both sides: {@link SharedMemory#ALWAYS} over
 * shared memory (each subscriber's node then also serves the {@code shm://} endpoint that it registers, beside
 * its TCP one) and {@link SharedMemory#NEVER} over TCP. Values are {@code byte[]}, which go as they are, without
 * a codec.
 */
final class OrreryTopics implements TopicSource {

    /** The one topic of the benchmark. */
    static final String TOPIC = "bench.pubsub";

    private final Node node;
    private final Publisher<byte[]> publisher;

    private OrreryTopics(Node node, Publisher<byte[]> publisher) {
        this.node = node;
        this.publisher = publisher;
    }

    /**
     * Starts the publisher's node; subscriptions join as they register.
     *
     * @param nameServer  the name server, such as {@code tcp://127.0.0.1:2012}
     * @param sharedMemory whether to publish over shared memory, or over TCP
     * @param delivery     ASYNC, or SYNC
     * @return the publishing end
     */
    static OrreryTopics publish(String nameServer, boolean sharedMemory, Delivery delivery) {
        // Publish completions run where they complete, on the transport's thread: no thread is woken per message.
        Node node = Node.create(NodeOptions.builder().name("bench-publisher").nameserver(nameServer)
                .sharedMemory(sharedMemory ? SharedMemory.ALWAYS : SharedMemory.NEVER)
                .callbackExecutor(Runnable::run).build());
        try {
            node.start();
            return new OrreryTopics(node, node.publisher(TOPIC, byte[].class,
                    delivery == Delivery.SYNC ? PublisherOptions.sync() : PublisherOptions.async()));
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /**
     * Starts a subscriber's node, listening on loopback TCP, and subscribes. The handler runs on the transport's
     * thread ({@link SubscribeOptions#withDirect()}): it only records the message, and never blocks, as JeroMQ's
     * and Aeron's subscribers handle messages on the thread that receives them. On a virtual thread instead,
     * each batch of messages costs a wake-up: in short runs on a busy machine, 1.5 to 7 times fewer messages a
     * second.
     *
     * @param nameServer   the name server to register with
     * @param sharedMemory whether to serve shared memory too, and register it
     * @param slots        the subscription's window, 0 for the default
     * @param deliveries   where the messages go
     * @return the node; closing it ends the subscription
     */
    static AutoCloseable subscribe(String nameServer, boolean sharedMemory, int slots, Deliveries deliveries) {
        Node node = Node.create(NodeOptions.builder().name("bench-subscriber").listen("tcp://127.0.0.1:0")
                .nameserver(nameServer).sharedMemory(sharedMemory ? SharedMemory.ALWAYS : SharedMemory.NEVER)
                .build());
        try {
            node.start();
            node.subscribe(TOPIC, byte[].class, message -> deliveries.arrived(message.value()),
                    SubscribeOptions.defaults().withSlots(slots).withDirect());
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Waits, as the default policy BLOCK says, while a subscriber's window is full. */
    @Override
    public boolean publish(byte[] message, LatencyRecorder failures, BooleanSupplier running) {
        publisher.publish(message).whenComplete((done, failure) -> {
            if (failure != null) {
                failures.failure(failure);
            }
        });
        return true;
    }

    @Override
    public void close() {
        publisher.close();
        node.close();
    }
}
