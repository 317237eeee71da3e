package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.registry.Instance;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.NameServerStats;
import dev.orrery.registry.Registration;
import dev.orrery.registry.ServiceSummary;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Registering, locating, listing and stat, on the service object itself. */
@Timeout(10)
class NameServerServiceTest {
    private final ManualClock clock = new ManualClock();
    private final NameServerService nameServer = new NameServerService(clock, false);

    @AfterEach
    void close() {
        nameServer.close();
    }

    @Test
    void shouldLocateWhatWasRegistered() {
        Registration registration = nameServer.register(new InstanceSpec("demo.echo",
                List.of("tcp://10.0.0.5:7070", "shm://echo"), Map.of("version", "1.2"), 0));

        assertThat(registration.ttlMillis()).isEqualTo(InstanceSpec.DEFAULT_TTL_MILLIS);
        List<Instance> found = nameServer.locate("demo.echo", Map.of());
        assertThat(found).singleElement().satisfies(instance -> {
            assertThat(instance.id()).isEqualTo(registration.instanceId());
            assertThat(instance.service()).isEqualTo("demo.echo");
            assertThat(instance.endpoints()).containsExactly("tcp://10.0.0.5:7070", "shm://echo");
            assertThat(instance.metadata()).containsExactly(Map.entry("version", "1.2"));
            assertThat(instance.ttlMillis()).isEqualTo(InstanceSpec.DEFAULT_TTL_MILLIS);
            assertThat(instance.registeredAt()).isEqualTo(clock.millis());
            assertThat(instance.lastRenewedAt()).isEqualTo(clock.millis());
        });
        assertThat(nameServer.locate("demo.kv", Map.of())).isEmpty();
    }

    @Test
    void shouldGiveUniqueIdsAnd128BitUrlSafeTokens() {
        Set<String> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Registration registration = nameServer.register(spec("demo.echo", "tcp://10.0.0.5:" + (7000 + i)));
            ids.add(registration.instanceId());
            tokens.add(registration.ownerToken());
            assertThat(registration.instanceId()).hasSizeLessThan(20).matches("[a-z0-9-]+");
            assertThat(Base64.getUrlDecoder().decode(registration.ownerToken())).hasSize(16);
        }
        assertThat(ids).hasSize(200);
        assertThat(tokens).hasSize(200);
    }

    @Test
    void shouldReturnInstancesOldestFirst() {
        Registration first = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        clock.advance(Duration.ofMillis(10));
        String second = nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070")).instanceId();
        clock.advance(Duration.ofMillis(10));
        String third = nameServer.register(spec("demo.echo", "tcp://10.0.0.3:7070")).instanceId();
        // A renewal is not a registration: the first stays first.
        nameServer.renew(first.instanceId(), first.ownerToken());

        assertThat(nameServer.locate("demo.echo", null)).extracting(Instance::id)
                .containsExactly(first.instanceId(), second, third);
    }

    @Test
    void shouldKeepOnlyInstancesWhoseMetadataHasEveryFilterEntry() {
        String blueV1 = nameServer.register(spec("demo.kv", "tcp://10.0.0.1:7070",
                Map.of("color", "blue", "version", "1"))).instanceId();
        String blueV2 = nameServer.register(spec("demo.kv", "tcp://10.0.0.2:7070",
                Map.of("color", "blue", "version", "2"))).instanceId();
        nameServer.register(spec("demo.kv", "tcp://10.0.0.3:7070", Map.of("version", "1")));

        assertThat(nameServer.locate("demo.kv", Map.of("color", "blue"))).extracting(Instance::id)
                .containsExactly(blueV1, blueV2);
        assertThat(nameServer.locate("demo.kv", Map.of("color", "blue", "version", "2"))).extracting(Instance::id)
                .containsExactly(blueV2);
        assertThat(nameServer.locate("demo.kv", Map.of("color", "red"))).isEmpty();
        assertThat(nameServer.locate("demo.kv", Map.of())).hasSize(3);
    }

    @Test
    void shouldListServicesMatchingAGlobByName() {
        nameServer.register(spec("demo.kv", "tcp://10.0.0.1:7070"));
        nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070"));
        nameServer.register(spec("orders.api", "tcp://10.0.0.3:7070"));

        assertThat(nameServer.list("*")).containsExactly(new ServiceSummary("demo.echo", 2),
                new ServiceSummary("demo.kv", 1), new ServiceSummary("orders.api", 1));
        assertThat(nameServer.list(null)).hasSize(3);
        assertThat(nameServer.list("")).hasSize(3);
        assertThat(nameServer.list("demo.*")).extracting(ServiceSummary::service).containsExactly("demo.echo",
                "demo.kv");
        assertThat(nameServer.list("demo.e?ho")).extracting(ServiceSummary::service).containsExactly("demo.echo");
        assertThat(nameServer.list("nothing.*")).isEmpty();
    }

    @Test
    void shouldDropAServiceFromTheListWithItsLastInstance() {
        Registration registration = nameServer.register(spec("demo.kv", "tcp://10.0.0.1:7070"));

        assertThat(nameServer.deregister(registration.instanceId(), registration.ownerToken())).isTrue();

        assertThat(nameServer.list("*")).isEmpty();
        assertThat(nameServer.locate("demo.kv", Map.of())).isEmpty();
        assertThat(nameServer.deregister(registration.instanceId(), registration.ownerToken())).isFalse();
    }

    @Test
    void shouldReplaceMetadataOnUpdate() {
        Registration registration = nameServer.register(spec("demo.kv", "tcp://10.0.0.1:7070",
                Map.of("version", "1")));

        Instance updated = nameServer.update(registration.instanceId(), registration.ownerToken(),
                Map.of("version", "2", "zone", "b"));

        assertThat(updated.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("version", "2", "zone", "b"));
        assertThat(nameServer.locate("demo.kv", Map.of("version", "2"))).extracting(Instance::id)
                .containsExactly(registration.instanceId());
    }

    @Test
    void shouldAnswerEachLocateWithEveryChangeMadeBeforeIt() {
        Registration first = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070", 2_000));
        assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::id)
                .containsExactly(first.instanceId());

        Registration second = nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070", 5_000));
        assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::id)
                .containsExactly(first.instanceId(), second.instanceId());

        clock.advance(Duration.ofMillis(1_000));
        nameServer.renew(second.instanceId(), second.ownerToken());
        assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::lastRenewedAt)
                .containsExactly(clock.millis() - 1_000, clock.millis());

        nameServer.update(second.instanceId(), second.ownerToken(), Map.of("zone", "b"));
        assertThat(nameServer.locate("demo.echo", Map.of())).last().extracting(Instance::metadata)
                .isEqualTo(Map.of("zone", "b"));

        clock.advance(Duration.ofMillis(1_000));
        assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::id)
                .containsExactly(second.instanceId());

        nameServer.deregister(second.instanceId(), second.ownerToken());
        assertThat(nameServer.locate("demo.echo", Map.of())).isEmpty();
    }

    @Test
    void shouldReportCountsRevisionAndUptime() {
        NameServerStats empty = nameServer.stat();
        assertThat(empty.version()).isNotBlank();
        assertThat(empty).extracting(NameServerStats::services, NameServerStats::instances,
                NameServerStats::watches).containsExactly(0, 0, 0);

        Registration echo = nameServer.register(spec("demo.echo", "tcp://10.0.0.1:7070"));
        nameServer.register(spec("demo.echo", "tcp://10.0.0.2:7070"));
        nameServer.register(spec("demo.kv", "tcp://10.0.0.1:7070"));
        nameServer.deregister(echo.instanceId(), echo.ownerToken());
        nameServer.watch("*", new RecordingSink());
        clock.advance(Duration.ofSeconds(3));

        NameServerStats stats = nameServer.stat();
        assertThat(stats.services()).isEqualTo(2);
        assertThat(stats.instances()).isEqualTo(2);
        assertThat(stats.watches()).isEqualTo(1);
        assertThat(stats.revision()).isEqualTo(empty.revision() + 4);
        assertThat(stats.uptimeMillis()).isEqualTo(3_000);
    }
}
