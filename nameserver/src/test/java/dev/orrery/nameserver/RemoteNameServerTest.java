package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.Instance;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The name server over TCP, called through a proxy from another node, as every client calls it. */
@Timeout(30)
class RemoteNameServerTest {
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
    void shouldRegisterLocateAndDeregisterOverTcp() {
        assertThat(server.endpoint().port()).isPositive();
        Registration registration = nameServer.register(new InstanceSpec("demo.echo",
                List.of("tcp://10.0.0.5:7070"), Map.of("version", "1"), 2_000));

        List<Instance> found = nameServer.locate("demo.echo", Map.of("version", "1"));
        assertThat(found).singleElement().satisfies(instance -> {
            assertThat(instance.id()).isEqualTo(registration.instanceId());
            assertThat(instance.endpoints()).containsExactly("tcp://10.0.0.5:7070");
            assertThat(instance.metadata()).containsEntry("version", "1");
            assertThat(instance.ttlMillis()).isEqualTo(2_000);
        });
        assertThat(nameServer.renew(registration.instanceId(), registration.ownerToken()).ttlMillis())
                .isEqualTo(2_000);
        assertThat(nameServer.list("demo.*")).hasSize(1);
        assertThat(nameServer.stat().instances()).isEqualTo(1);

        assertThat(nameServer.deregister(registration.instanceId(), registration.ownerToken())).isTrue();
        assertThat(nameServer.locate("demo.echo", Map.of())).isEmpty();
    }

    @Test
    void shouldCarryRefusalsWithTheirStatusAndMessage() {
        Registration mine = nameServer.register(spec("demo.echo", "tcp://10.0.0.5:7070"));

        assertThatThrownBy(() -> nameServer.deregister(mine.instanceId(), "not-the-token"))
                .isInstanceOfSatisfying(OrreryException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.PERMISSION_DENIED);
                    assertThat(e.description()).contains("belongs to another owner");
                });
        assertThatThrownBy(() -> nameServer.register(spec("demo.echo", "tcp://10.0.0.5:7070", 5)))
                .isInstanceOfSatisfying(OrreryException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT);
                    assertThat(e.description()).contains("from 1000 (1 s) to 3600000 (1 h)");
                });
        assertThatThrownBy(() -> nameServer.renew("1-gone", "token"))
                .isInstanceOfSatisfying(OrreryException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND));
        assertThat(nameServer.locate("demo.echo", Map.of())).hasSize(1);
    }

    @Test
    void shouldExpireAnInstanceThatStopsRenewing() {
        nameServer.register(spec("demo.echo", "tcp://10.0.0.5:7070", 1_000));

        // The real clock and the real sweeper: the one test that waits, for the shortest lease there is.
        await().atMost(Duration.ofSeconds(10)).until(() -> nameServer.locate("demo.echo", Map.of()).isEmpty());
    }
}
