package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.OrreryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.awaitility.Awaitility;

/**
 * A handler that remembers what it received and the disconnections it was told of. To play a slow subscriber,
 * it can stay in the handler, on the messages whose numbers a predicate picks, until {@link #open()}; and it
 * keeps every message, for a test whose subscription releases by hand to release them.
 */
final class Recorder implements MessageHandler<Quote> {

    /**
     * One message as received.
     *
     * @param topic     its topic
     * @param publisher its publisher's identity
     * @param sequence  its sequence number
     * @param n         its value's number
     */
    record Got(String topic, String publisher, long sequence, long n) {
    }

    /**
     * One disconnection.
     *
     * @param publisher the publisher
     * @param why       the reason
     * @param after     how many messages had been received when it was reported
     */
    record Cut(String publisher, OrreryException why, int after) {
    }

    private final List<Got> got = new CopyOnWriteArrayList<>();
    private final List<Message<Quote>> held = new CopyOnWriteArrayList<>();
    private final List<Cut> cuts = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final LongPredicate blocksOn;

    /** Records and returns at once. */
    Recorder() {
        this(n -> false);
    }

    /** Records, then waits for {@link #open()} on each message whose number this predicate picks. */
    Recorder(LongPredicate blocksOn) {
        this.blocksOn = blocksOn;
    }

    @Override
    public void onMessage(Message<Quote> message) throws InterruptedException {
        got.add(new Got(message.topic(), message.publisher(), message.sequence(), message.value().n()));
        held.add(message);
        if (blocksOn.test(message.value().n())) {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
    }

    @Override
    public void disconnected(String publisher, OrreryException why) {
        cuts.add(new Cut(publisher, why, got.size()));
    }

    /** Lets every blocked and later message through. */
    void open() {
        gate.countDown();
    }

    /** Releases every message received so far, for a subscription released by hand. */
    void releaseAll() {
        for (Message<Quote> message : held) {
            message.release();
        }
    }

    List<Got> got() {
        return List.copyOf(got);
    }

    List<Long> values() {
        return got.stream().map(Got::n).toList();
    }

    List<Long> sequences() {
        return got.stream().map(Got::sequence).toList();
    }

    List<Message<Quote>> held() {
        return List.copyOf(held);
    }

    List<Cut> cuts() {
        return List.copyOf(cuts);
    }

    /** @return the numbers received, by publisher, in arrival order */
    Map<String, List<Long>> byPublisher() {
        Map<String, List<Long>> result = new TreeMap<>();
        for (Got one : got) {
            result.computeIfAbsent(one.publisher(), p -> new ArrayList<>()).add(one.n());
        }
        return result;
    }

    /** Waits until at least this many messages have arrived. */
    Recorder awaitCount(int count) {
        return awaitCount(count, Duration.ofSeconds(20));
    }

    Recorder awaitCount(int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> assertThat(got.size()).as("messages received").isGreaterThanOrEqualTo(count));
        return this;
    }

    /**
     * Whether at least this many messages arrive in time, returning as soon as they have.
     *
     * @param count   how many
     * @param timeout how long to wait
     * @return false when they did not
     */
    boolean arrivesWithin(int count, Duration timeout) {
        try {
            awaitCount(count, timeout);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** Waits until at least this many disconnections were reported. */
    Recorder awaitCuts(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> assertThat(cuts).as("disconnections reported").hasSizeGreaterThanOrEqualTo(count));
        return this;
    }
}
