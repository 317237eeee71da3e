package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static dev.orrery.registry.RegistryEvent.Kind.CURRENT;
import static dev.orrery.registry.RegistryEvent.Kind.DEREGISTERED;
import static dev.orrery.registry.RegistryEvent.Kind.EXPIRED;
import static dev.orrery.registry.RegistryEvent.Kind.REGISTERED;
import static dev.orrery.registry.RegistryEvent.Kind.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Sink;
import dev.orrery.Subscription;
import dev.orrery.registry.RegistryEvent;
import dev.orrery.registry.Registration;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Watches, on the service object with a recording sink: the current state, then every change in order. */
@Timeout(10)
class WatchTest {
    private final ManualClock clock = new ManualClock();
    private final NameServerService nameServer = new NameServerService(clock, false);

    @AfterEach
    void close() {
        nameServer.close();
    }

    @Test
    void shouldSendTheCurrentStateThenEveryChangeInOrder() {
        Registration old = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 2_000));
        long revisionAtStart = nameServer.stat().revision();
        RecordingSink sink = new RecordingSink();

        nameServer.watch("demo.*", sink);
        assertThat(sink.kinds()).containsExactly(REGISTERED, CURRENT);
        assertThat(sink.ids()).containsExactly(old.instanceId(), null);
        assertThat(sink.events).extracting(RegistryEvent::revision).containsOnly(revisionAtStart);

        Registration fresh = nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070", 10_000));
        nameServer.update(fresh.instanceId(), fresh.ownerToken(), Map.of("zone", "b"));
        clock.advance(Duration.ofSeconds(2));
        nameServer.expireDue();
        nameServer.deregister(fresh.instanceId(), fresh.ownerToken());

        assertThat(sink.kinds()).containsExactly(REGISTERED, CURRENT, REGISTERED, UPDATED, EXPIRED, DEREGISTERED);
        assertThat(sink.ids()).containsExactly(old.instanceId(), null, fresh.instanceId(), fresh.instanceId(),
                old.instanceId(), fresh.instanceId());
        long[] revisions = sink.events.stream().skip(2).mapToLong(RegistryEvent::revision).toArray();
        assertThat(revisions).containsExactly(revisionAtStart + 1, revisionAtStart + 2, revisionAtStart + 3,
                revisionAtStart + 4);
        assertThat(sink.events.get(3).instance().metadata()).containsEntry("zone", "b");
        assertThat(nameServer.stat().revision()).isEqualTo(revisionAtStart + 4);
    }

    @Test
    void shouldSendOnlyTheServicesMatchingTheGlob() {
        nameServer.register(spec("orders.api", "tcp://10.0.0.1:7070"));
        RecordingSink demo = new RecordingSink();
        RecordingSink all = new RecordingSink();
        RecordingSink exact = new RecordingSink();
        nameServer.watch("demo.*", demo);
        nameServer.watch(null, all);
        nameServer.watch("demo.e?ho", exact);

        nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        nameServer.register(spec("demo.kv", "tcp://10.0.0.1:7070"));
        nameServer.register(spec("orders.api", "tcp://10.0.0.2:7070"));

        assertThat(services(demo)).containsExactly(null, "demo.echo", "demo.kv");
        assertThat(services(all)).containsExactly("orders.api", null, "demo.echo", "demo.kv", "orders.api");
        assertThat(services(exact)).containsExactly(null, "demo.echo");
    }

    @Test
    void shouldStopSendingOnceTheSubscriptionIsClosed() {
        RecordingSink sink = new RecordingSink();
        Subscription subscription = nameServer.watch("*", sink);
        nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        assertThat(nameServer.stat().watches()).isEqualTo(1);

        subscription.close();
        subscription.close();
        nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070"));

        assertThat(sink.kinds()).containsExactly(CURRENT, REGISTERED);
        assertThat(nameServer.stat().watches()).isZero();
    }

    @Test
    void shouldNotSendARenewalOrAnUpdateThatChangesNothing() {
        Registration registration = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", Map.of("v", "1")));
        RecordingSink sink = new RecordingSink();
        nameServer.watch("*", sink);

        nameServer.renew(registration.instanceId(), registration.ownerToken());
        nameServer.update(registration.instanceId(), registration.ownerToken(), Map.of("v", "1"));

        assertThat(sink.kinds()).containsExactly(REGISTERED, CURRENT);
    }

    @Test
    void shouldDropAWatcherWhoseSinkThrowsAndKeepTheOthers() {
        Sink<RegistryEvent> broken = event -> {
            if (event.kind() != CURRENT) {
                throw new IllegalStateException("the stream is gone");
            }
        };
        RecordingSink healthy = new RecordingSink();
        nameServer.watch("*", broken);
        nameServer.watch("*", healthy);

        nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070"));

        assertThat(healthy.kinds()).containsExactly(CURRENT, REGISTERED, REGISTERED);
        assertThat(nameServer.stat().watches()).isEqualTo(1);
    }

    @Test
    void shouldCompleteEveryWatchWhenTheNameServerCloses() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        nameServer.watch("*", first);
        nameServer.watch("demo.*", second);

        nameServer.close();

        assertThat(Arrays.asList(first.completed, second.completed)).containsOnly(true);
        assertThat(first.failure).isNull();
    }

    private static java.util.List<String> services(RecordingSink sink) {
        return sink.events.stream().map(e -> e.instance() == null ? null : e.instance().service()).toList();
    }
}
