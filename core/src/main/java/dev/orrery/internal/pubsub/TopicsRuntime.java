package dev.orrery.internal.pubsub;

import static dev.orrery.pubsub.TopicRegistration.DELIVERY;
import static dev.orrery.pubsub.TopicRegistration.ID;
import static dev.orrery.pubsub.TopicRegistration.PUBLISHER;
import static dev.orrery.pubsub.TopicRegistration.ROLE;
import static dev.orrery.pubsub.TopicRegistration.SERVICE;
import static dev.orrery.pubsub.TopicRegistration.TOPIC;

import dev.orrery.Endpoint;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.channel.ChannelContext;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.channel.ServerChannel;
import dev.orrery.internal.channel.TopicReceiver;
import dev.orrery.internal.registry.EndpointChoice;
import dev.orrery.internal.registry.Locator;
import dev.orrery.internal.registry.Registrar;
import dev.orrery.internal.registry.ServiceView;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.WireException;
import dev.orrery.pubsub.MessageHandler;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.TopicPattern;
import dev.orrery.pubsub.TopicSubscription;
import dev.orrery.pubsub.TopicsInfo;
import dev.orrery.registry.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics of one node: its publishers and subscriptions, the name-server registrations that let other
 * nodes find them, the watch through which its publishers find subscriptions, and the flows between them.
 */
public final class TopicsRuntime implements TopicReceiver, TopicsInfo {
    private static final Logger LOG = LoggerFactory.getLogger(TopicsRuntime.class);
    /** How long a new publisher waits for the name server's list of subscriptions. */
    private static final Duration FIRST_SNAPSHOT = Duration.ofSeconds(2);
    /** How often releases gathered by ASYNC flows are sent even when no more messages come. */
    private static final long FLUSH_MILLIS = 20;

    private final ChannelContext context;
    private final Executor threads;
    private final Executor callbacks;
    private final Supplier<Locator> locator;
    private final EndpointChoice choice;
    private final Function<Endpoint, Connector> connectors;
    private final Runnable firstUse;
    private final long startedAt = System.currentTimeMillis();
    private final Map<String, LocalSubscription<?>> subscriptions = new ConcurrentHashMap<>();
    private final Set<TopicPublisher<?>> publishers = ConcurrentHashMap.newKeySet();
    private final AtomicLong publisherNumbers = new AtomicLong();
    private final Object refreshing = new Object();
    private volatile Registrar registrar;
    private volatile ServiceView view;
    private volatile ScheduledFuture<?> flusher;
    private volatile boolean used;

    /**
     * The topics of a node.
     *
     * @param context    the node's shared parts
     * @param threads    where handlers run
     * @param callbacks  where publish completions run
     * @param locator    the node's locator, or {@code null} without a name server
     * @param choice     which endpoint of another node to use
     * @param connectors the node's connector for an endpoint
     * @param firstUse   run once, at the first publisher or subscription: serves {@link TopicsInfo}
     */
    public TopicsRuntime(ChannelContext context, Executor threads, Executor callbacks, Supplier<Locator> locator,
                         EndpointChoice choice, Function<Endpoint, Connector> connectors, Runnable firstUse) {
        this.context = context;
        this.threads = threads;
        this.callbacks = callbacks;
        this.locator = locator;
        this.choice = choice;
        this.connectors = connectors;
        this.firstUse = firstUse;
    }

    /**
     * A publisher of a topic.
     *
     * @param topic   the topic
     * @param type    the type of the values
     * @param options how it delivers
     * @param <T>     the type of the values
     * @return the publisher, knowing the subscriptions the name server lists
     */
    public <T> Publisher<T> publisher(String topic, Class<T> type, PublisherOptions options) {
        TopicPattern.checkTopic(topic);
        firstUse();
        String id = context.identity() + "#" + publisherNumbers.incrementAndGet();
        TopicPublisher<T> publisher = new TopicPublisher<>(this, topic, type, options, id);
        publishers.add(publisher);
        ServiceView watched = watch();
        if (watched != null && !watched.ready()) {
            try {
                watched.instances(System.nanoTime() + FIRST_SNAPSHOT.toNanos());
            } catch (OrreryException e) {
                LOG.warn("publisher of {}: {}; subscriptions on other nodes join when it answers", topic,
                        e.getMessage());
            }
        }
        refreshAll();
        Registrar current = registrar;
        if (current != null) {
            current.register("pub:" + id, SERVICE, publisherMetadata(publisher));
        }
        return publisher;
    }

    private static Map<String, String> publisherMetadata(TopicPublisher<?> publisher) {
        return Map.of(ROLE, PUBLISHER, ID, publisher.id(), TOPIC, publisher.topic(),
                DELIVERY, publisher.delivery().name());
    }

    /**
     * A subscription.
     *
     * @param pattern the topics it takes
     * @param type    the type of the values
     * @param handler what runs for each message
     * @param options its window, policy and group
     * @param <T>     the type of the values
     * @return the subscription
     */
    public <T> TopicSubscription subscribe(String pattern, Class<T> type, MessageHandler<T> handler,
                                           SubscribeOptions options) {
        TopicPattern parsed = TopicPattern.of(pattern);
        firstUse();
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        LocalSubscription<T> subscription = new LocalSubscription<>(this, id, parsed, type, handler, options,
                threads);
        subscriptions.put(id, subscription);
        startFlusher();
        Registrar current = registrar;
        if (current != null) {
            current.register("sub:" + id, SERVICE, Target.metadata(subscription));
        }
        refreshAll();
        return subscription;
    }

    private void firstUse() {
        if (!used) {
            synchronized (this) {
                if (!used) {
                    used = true;
                    firstUse.run();
                }
            }
        }
    }

    private synchronized void startFlusher() {
        if (flusher == null) {
            flusher = context.scheduler().scheduleAtFixedRate(() -> subscriptions.values()
                    .forEach(LocalSubscription::flush), FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private ServiceView watch() {
        ServiceView current = view;
        if (current != null || locator == null) {
            return current;
        }
        synchronized (this) {
            if (view == null) {
                ServiceView created = locator.get().view(SERVICE);
                created.onChange(this::refreshAll);
                view = created;
            }
            return view;
        }
    }

    /**
     * Registers the publishers and subscriptions made so far, and those made later, with the name server.
     *
     * @param started the node's registrar
     */
    public void registrar(Registrar started) {
        registrar = started;
        for (TopicPublisher<?> publisher : publishers) {
            started.register("pub:" + publisher.id(), SERVICE, publisherMetadata(publisher));
        }
        for (LocalSubscription<?> subscription : subscriptions.values()) {
            started.register("sub:" + subscription.id(), SERVICE, Target.metadata(subscription));
        }
    }

    /** Tells every publisher the subscriptions known now. */
    private void refreshAll() {
        if (publishers.isEmpty()) {
            return;
        }
        synchronized (refreshing) {
            List<Target> targets = new ArrayList<>();
            for (LocalSubscription<?> subscription : subscriptions.values()) {
                targets.add(Target.of(subscription));
            }
            ServiceView current = view;
            if (current != null) {
                for (Instance instance : current.current()) {
                    Target target = Target.of(instance);
                    if (target != null && !subscriptions.containsKey(target.id())) {
                        targets.add(target);
                    }
                }
            }
            for (TopicPublisher<?> publisher : publishers) {
                publisher.refresh(targets);
            }
        }
    }

    /** Attaches a flow to a subscription, of this node or another; never throws, the future fails instead. */
    CompletableFuture<Link> link(Target target, OutboundFlow flow, TopicWire.Attach attach) {
        try {
            return linkNow(target, flow, attach);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Link> linkNow(Target target, OutboundFlow flow, TopicWire.Attach attach) {
        if (target.local() != null) {
            InboundFlow inbound = target.local().attach(attach, flow);
            return inbound == null ? CompletableFuture.failedFuture(new OrreryException(Status.UNAVAILABLE,
                    "the subscription has closed")) : CompletableFuture.completedFuture(new Links.Local(inbound));
        }
        Endpoint endpoint = choice.choose(target.instance());
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new OrreryException(Status.UNAVAILABLE, "none of its endpoints "
                    + target.instance().endpoints() + " has a transport on this node"));
        }
        return connectors.apply(endpoint).channelAsync().thenApply(channel -> {
            long flowId = channel.openFlow(flow, id -> TopicWire.attach(id, attach));
            if (flowId < 0) {
                throw new OrreryException(Status.UNAVAILABLE, "the connection to " + endpoint + " closed");
            }
            return new Links.Remote(channel, flowId);
        });
    }

    @Override
    public Flow attach(ServerChannel channel, long flowId, Frame frame) throws WireException {
        TopicWire.Attach attach = TopicWire.attach(frame);
        LocalSubscription<?> subscription = subscriptions.get(attach.subscription());
        if (subscription == null) {
            channel.endFlow(flowId, Failure.of(Status.NOT_FOUND, "there is no subscription " + attach.subscription()
                    + " on " + context.identity() + " (it has closed)"), false);
            return null;
        }
        InboundFlow flow = subscription.attach(attach, new Links.RemoteAcks(channel, flowId));
        if (flow == null) {
            channel.endFlow(flowId, Failure.of(Status.FAILED_PRECONDITION, subscription + " takes neither topic "
                    + attach.topic() + " nor a window of " + attach.window() + " from a "
                    + attach.delivery().name().toLowerCase(java.util.Locale.ROOT) + " publisher"), false);
        }
        return flow;
    }

    void removed(TopicPublisher<?> publisher) {
        publishers.remove(publisher);
        Registrar current = registrar;
        if (current != null) {
            current.deregister("pub:" + publisher.id());
        }
    }

    void removed(LocalSubscription<?> subscription) {
        subscriptions.remove(subscription.id());
        Registrar current = registrar;
        if (current != null) {
            current.deregister("sub:" + subscription.id());
        }
        refreshAll();
    }

    @Override
    public Report report() {
        return new Report(context.identity(), System.currentTimeMillis() - startedAt,
                publishers.stream().map(Publisher::info).toList(),
                subscriptions.values().stream().map(LocalSubscription::info).toList());
    }

    Executor callbacks() {
        return callbacks;
    }

    ScheduledExecutorService scheduler() {
        return context.scheduler();
    }

    Duration defaultDeadline() {
        return context.options().defaultDeadline();
    }

    /** Closes every publisher, after what it has accepted is written, then every subscription. */
    public void close() {
        for (TopicPublisher<?> publisher : List.copyOf(publishers)) {
            publisher.close();
        }
        for (LocalSubscription<?> subscription : List.copyOf(subscriptions.values())) {
            subscription.close();
        }
        ScheduledFuture<?> running = flusher;
        if (running != null) {
            running.cancel(false);
        }
    }
}
