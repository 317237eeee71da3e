package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static dev.orrery.registry.RegistryEvent.Kind.CURRENT;
import static dev.orrery.registry.RegistryEvent.Kind.DEREGISTERED;
import static dev.orrery.registry.RegistryEvent.Kind.EXPIRED;
import static dev.orrery.registry.RegistryEvent.Kind.REGISTERED;
import static dev.orrery.registry.RegistryEvent.Kind.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orrery.Node;
import dev.orrery.Subscription;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.Registration;
import dev.orrery.registry.RegistryEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A watch over TCP: the events a client sees arrive in revision order, and closing it ends it on both sides. */
@Timeout(30)
class RemoteWatchTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmbeddedNameServer server;
    private Node client;
    private NameServer nameServer;

    @BeforeEach
    void start() {
        server = EmbeddedNameServer.start("tcp://127.0.0.1:0");
        client = Node.builder().name("client").build();
        nameServer = client.connect(NameServer.class, server.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldStreamRegisterUpdateExpiryAndDeregisterInOrder() {
        Registration early = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        RecordingSink sink = new RecordingSink();
        Subscription watch = nameServer.watch("demo.*", sink);
        await().atMost(WAIT).until(() -> sink.kinds().contains(CURRENT));

        Registration brief = nameServer.register(spec("demo.kv", "tcp://10.0.0.2:7070", 1_000));
        nameServer.update(early.instanceId(), early.ownerToken(), Map.of("zone", "b"));
        nameServer.register(spec("orders.api", "tcp://10.0.0.3:7070"));
        await().atMost(WAIT).until(() -> sink.kinds().contains(EXPIRED));
        nameServer.deregister(early.instanceId(), early.ownerToken());
        await().atMost(WAIT).until(() -> sink.kinds().contains(DEREGISTERED));

        assertThat(sink.kinds()).containsExactly(REGISTERED, CURRENT, REGISTERED, UPDATED, EXPIRED, DEREGISTERED);
        assertThat(sink.ids()).containsExactly(early.instanceId(), null, brief.instanceId(), early.instanceId(),
                brief.instanceId(), early.instanceId());
        assertThat(sink.events.stream().skip(1).mapToLong(RegistryEvent::revision)).isSorted();

        watch.close();
        await().atMost(WAIT).until(() -> server.service().stat().watches() == 0);
    }

    @Test
    void shouldEndTheStreamWhenTheNameServerStops() {
        RecordingSink sink = new RecordingSink();
        nameServer.watch("*", sink);
        await().atMost(WAIT).until(() -> sink.kinds().contains(CURRENT));

        server.close();

        await().atMost(WAIT).until(() -> sink.completed || sink.failure != null);
        assertThat(sink.failure).isNull();
        assertThat(sink.completed).isTrue();
    }
}
