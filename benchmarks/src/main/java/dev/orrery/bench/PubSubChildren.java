package dev.orrery.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The child JVMs of one run of {@code bench pubsub}: the publisher, then the subscribers, each started once the
 * publisher is ready, and ready once its first message has come. Closing it stops the subscribers first, then the
 * publisher, whose process may hold what they use (Aeron's media driver).
 */
final class PubSubChildren implements AutoCloseable {

    private static final List<String> WORDS = List.of(PubSubChild.READY, PubSubChild.INTERVAL);

    private final ChildProcess publisher;
    private final List<ChildProcess> subscribers;

    private PubSubChildren(ChildProcess publisher, List<ChildProcess> subscribers) {
        this.publisher = publisher;
        this.subscribers = subscribers;
    }

    /**
     * Starts the publisher, waits until it is ready, then starts the subscribers and waits until each has received
     * a message.
     *
     * @param count          how many subscribers
     * @param jvmFlags       JVM options that the system needs
     * @param subscriberFlags JVM options of the subscribers
     * @param classPath      the class path of the children
     * @param publisherArgs  the options of the publisher's {@link PubSubChild}
     * @param subscriberArgs the options of each subscriber's, given the port the publisher said
     * @param timeout        how long each step may take
     * @return the children, the publisher trickling messages
     * @throws IOException when a child fails or is not ready in time; those started are stopped
     * @throws InterruptedException when interrupted
     */
    static PubSubChildren start(int count, List<String> jvmFlags, List<String> subscriberFlags, String classPath,
                                List<String> publisherArgs,
                                IntFunction<List<String>> subscriberArgs, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess publisher = ChildProcess.start("publisher child", jvmFlags, classPath, PubSubChild.class,
                publisherArgs, WORDS);
        List<ChildProcess> subscribers = new ArrayList<>();
        PubSubChildren children = new PubSubChildren(publisher, subscribers);
        try {
            String ready = publisher.await(PubSubChild.READY, timeout);
            List<String> arguments = subscriberArgs.apply(Integer.parseInt(ready.substring(
                    PubSubChild.READY.length()).strip()));
            for (int i = 1; i <= count; i++) {
                subscribers.add(ChildProcess.start("subscriber child " + i, subscriberFlags, classPath, PubSubChild.class,
                        arguments, WORDS));
            }
            for (ChildProcess subscriber : subscribers) {
                subscriber.await(PubSubChild.READY, timeout);
            }
            return children;
        } catch (IOException | InterruptedException | RuntimeException e) {
            children.close();
            throw e;
        }
    }

    /**
     * Sets the publisher's pace.
     *
     * @param command {@link PubSubChild#FLOOD} or {@link PubSubChild#PACE}
     * @throws IOException when the publisher has ended
     */
    void pace(String command) throws IOException {
        publisher.send(command);
    }

    /**
     * Asks every child for the interval since the previous cut, the subscribers at nearly the same moment.
     *
     * @param timeout how long each may take to answer
     * @return what each said
     * @throws IOException when a child has ended, or does not answer
     * @throws InterruptedException when interrupted
     */
    Cut cut(Duration timeout) throws IOException, InterruptedException {
        for (ChildProcess subscriber : subscribers) {
            subscriber.send(PubSubChild.CUT);
        }
        publisher.send(PubSubChild.CUT);
        List<TopicInterval> received = new ArrayList<>();
        for (ChildProcess subscriber : subscribers) {
            received.add(interval(subscriber, timeout));
        }
        return new Cut(interval(publisher, timeout), received);
    }

    private static TopicInterval interval(ChildProcess child, Duration timeout)
            throws IOException, InterruptedException {
        return TopicInterval.parse(child.await(PubSubChild.INTERVAL, timeout).substring(
                PubSubChild.INTERVAL.length()));
    }

    /**
     * The CPU time of each child, for a {@link CpuMeter}.
     *
     * @return the publisher's, then each subscriber's
     */
    List<Supplier<Optional<Duration>>> cpuClocks() {
        List<Supplier<Optional<Duration>>> clocks = new ArrayList<>();
        clocks.add(publisher::cpuTime);
        subscribers.forEach(subscriber -> clocks.add(subscriber::cpuTime));
        return clocks;
    }

    /**
     * Whether every child still runs.
     *
     * @return true while they all run
     */
    boolean isAlive() {
        return publisher.isAlive() && subscribers.stream().allMatch(ChildProcess::isAlive);
    }

    @Override
    public void close() {
        subscribers.forEach(ChildProcess::close);
        publisher.close();
    }

    /**
     * What the children said about one interval.
     *
     * @param published   the publisher's
     * @param subscribers each subscriber's
     */
    record Cut(TopicInterval published, List<TopicInterval> subscribers) {

        /** @return messages a second delivered to all subscribers together: each message counts once for each */
        double deliveredPerSecond() {
            return subscribers.stream().mapToDouble(TopicInterval::perSecond).sum();
        }

        /** @return numbers missing from the publisher's sequence, over all subscribers */
        long missing() {
            return subscribers.stream().mapToLong(TopicInterval::missing).sum();
        }

        /** @return publishes that failed, and messages that subscribers could not take */
        long errors() {
            return published.errors() + subscribers.stream().mapToLong(TopicInterval::errors).sum();
        }

        /** @return the first failure the publisher, or else a subscriber, saw; or {@code null} */
        String firstError() {
            if (published.firstError() != null) {
                return published.firstError();
            }
            return subscribers.stream().map(TopicInterval::firstError).filter(Objects::nonNull).findFirst()
                    .orElse(null);
        }

        /** @return the latencies of every subscriber together */
        Histogram latencies() {
            Histogram all = new Histogram(3);
            subscribers.forEach(interval -> all.add(interval.latencies()));
            return all;
        }
    }
}
