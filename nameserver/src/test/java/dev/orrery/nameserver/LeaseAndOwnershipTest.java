package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.Instance;
import dev.orrery.registry.Lease;
import dev.orrery.registry.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leases run out unless renewed, and only an instance's owner may touch it. Time is a manual clock. */
@Timeout(10)
class LeaseAndOwnershipTest {
    private final ManualClock clock = new ManualClock();
    private final NameServerService nameServer = new NameServerService(clock, false);

    @AfterEach
    void close() {
        nameServer.close();
    }

    @Test
    void shouldKeepAnInstanceThatRenews() {
        Registration registration = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 3_000));

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(1_000));
            Lease lease = nameServer.renew(registration.instanceId(), registration.ownerToken());
            assertThat(lease).isEqualTo(new Lease(registration.instanceId(), 3_000));
            nameServer.expireDue();
        }

        assertThat(nameServer.locate("demo.echo", Map.of())).singleElement()
                .extracting(Instance::lastRenewedAt).isEqualTo(clock.millis());
    }

    @Test
    void shouldExpireAnInstanceThatStopsRenewing() {
        Registration registration = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 2_000));
        Registration other = nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070", 5_000));

        clock.advance(Duration.ofMillis(1_999));
        nameServer.expireDue();
        assertThat(nameServer.locate("demo.echo", Map.of())).hasSize(2);

        clock.advance(Duration.ofMillis(1));
        nameServer.expireDue();
        assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::id)
                .containsExactly(other.instanceId());
        assertThat(nameServer.stat().instances()).isEqualTo(1);
        assertThat(registration.instanceId()).isNotEqualTo(other.instanceId());
    }

    @Test
    void shouldNotAnswerWithAnInstanceWhoseLeaseRanOutBeforeTheSweep() {
        nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 1_000));

        clock.advance(Duration.ofMillis(1_000));

        assertThat(nameServer.locate("demo.echo", Map.of())).isEmpty();
        assertThat(nameServer.list("*")).isEmpty();
    }

    @Test
    void shouldTellAnExpiredInstanceToRegisterAgain() {
        Registration registration = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 1_000));
        clock.advance(Duration.ofSeconds(2));
        nameServer.expireDue();

        assertThatThrownBy(() -> nameServer.renew(registration.instanceId(), registration.ownerToken()))
                .isInstanceOfSatisfying(OrreryException.class, e -> {
                    assertThat(e.status()).isEqualTo(Status.NOT_FOUND);
                    assertThat(e.description()).contains(registration.instanceId()).contains("register it again");
                });
    }

    @Test
    void shouldUseTheDefaultTtlForZeroAndGrantTheOneAskedFor() {
        assertThat(nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 0)).ttlMillis()).isEqualTo(10_000);
        assertThat(nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 1_000)).ttlMillis())
                .isEqualTo(1_000);
        assertThat(nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 3_600_000)).ttlMillis())
                .isEqualTo(3_600_000);
    }

    @Test
    void shouldRefuseAnotherOwnersRenewUpdateAndDeregister() {
        Registration mine = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", Map.of("v", "1")));
        Registration theirs = nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070"));
        List<Instance> before = nameServer.locate("demo.echo", Map.of());
        clock.advance(Duration.ofSeconds(1));

        String id = mine.instanceId();
        String wrong = theirs.ownerToken();
        assertPermissionDenied(() -> nameServer.renew(id, wrong), id);
        assertPermissionDenied(() -> nameServer.update(id, wrong, Map.of("v", "evil")), id);
        assertPermissionDenied(() -> nameServer.deregister(id, wrong), id);
        assertPermissionDenied(() -> nameServer.deregister(id, mine.ownerToken() + "x"), id);

        assertThat(nameServer.locate("demo.echo", Map.of())).isEqualTo(before);
    }

    @Test
    void shouldSayFalseWhenDeregisteringAnUnknownInstance() {
        assertThat(nameServer.deregister("1-unknown", "token")).isFalse();
    }

    private static void assertPermissionDenied(Runnable call, String id) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OrreryException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.PERMISSION_DENIED);
            assertThat(e.description()).contains("instance " + id + " belongs to another owner");
        });
    }
}
