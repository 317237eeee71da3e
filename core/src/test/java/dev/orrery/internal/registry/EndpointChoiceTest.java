package dev.orrery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.SharedMemory;
import dev.orrery.registry.Instance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointChoiceTest {

    private static final String HERE = HostIdentity.of("boot-1", "alice");
    private static final Set<String> BOTH = Set.of("tcp", "shm");

    private static Instance instance(String identity, String... endpoints) {
        Map<String, String> metadata = identity == null ? Map.of() : Map.of(HostIdentity.METADATA_KEY, identity);
        return new Instance("i-1", "demo.echo", List.of(endpoints), metadata, 10_000, 0, 0);
    }

    private static Endpoint choose(Set<String> schemes, SharedMemory mode, Instance instance) {
        return new EndpointChoice(schemes, mode, HERE).choose(instance);
    }

    @Test
    void shouldChooseSharedMemoryForAnInstanceOfTheSameBootAndUser() {
        Instance local = instance(HERE, "tcp://127.0.0.1:7070", "shm://node-1-7070");

        assertThat(choose(BOTH, SharedMemory.AUTO, local)).isEqualTo(Endpoint.parse("shm://node-1-7070"));
    }

    @Test
    void shouldChooseTcpForAnotherHostAnotherUserOrAnInstanceThatDoesNotSay() {
        for (Instance elsewhere : List.of(
                instance(HostIdentity.of("boot-2", "alice"), "tcp://10.0.0.2:7070", "shm://node-1-7070"),
                instance(HostIdentity.of("boot-1", "bob"), "tcp://127.0.0.1:7070", "shm://node-1-7070"),
                instance(null, "shm://node-1-7070", "tcp://127.0.0.1:7070"))) {
            assertThat(choose(BOTH, SharedMemory.AUTO, elsewhere)).as("%s", elsewhere.metadata())
                    .isEqualTo(Endpoint.parse(elsewhere.endpoints().stream().filter(e -> e.startsWith("tcp"))
                            .findFirst().orElseThrow()));
        }
    }

    @Test
    void shouldFollowTheConfiguredModeWhicheverHostTheInstanceIsOn() {
        Instance remote = instance(HostIdentity.of("boot-2", "bob"), "tcp://10.0.0.2:7070", "shm://node-1-7070");
        Instance local = instance(HERE, "tcp://127.0.0.1:7070", "shm://node-1-7070");

        assertThat(choose(BOTH, SharedMemory.ALWAYS, remote)).isEqualTo(Endpoint.parse("shm://node-1-7070"));
        assertThat(choose(BOTH, SharedMemory.NEVER, local)).isEqualTo(Endpoint.parse("tcp://127.0.0.1:7070"));
    }

    @Test
    void shouldUseTcpWithoutTheSharedMemoryTransport() {
        Instance local = instance(HERE, "shm://node-1-7070", "tcp://127.0.0.1:7070");

        assertThat(choose(Set.of("tcp"), SharedMemory.AUTO, local)).isEqualTo(Endpoint.parse("tcp://127.0.0.1:7070"));
    }

    @Test
    void shouldFindNothingWhenNoEndpointIsUsable() {
        assertThat(choose(BOTH, SharedMemory.AUTO, instance(HostIdentity.of("boot-2", "alice"), "shm://node-1-7070")))
                .isNull();
        assertThat(choose(BOTH, SharedMemory.AUTO, instance(HERE, "udp://127.0.0.1:1", "not an endpoint")))
                .isNull();
    }

    @Test
    void shouldSkipAnEndpointItCannotReadAndTakeTheNext() {
        assertThat(choose(BOTH, SharedMemory.AUTO, instance(HERE, "::bad::", "tcp://127.0.0.1:7070")))
                .isEqualTo(Endpoint.parse("tcp://127.0.0.1:7070"));
    }

    @Test
    void shouldKnowThisProcessByItsBootAndUser() {
        assertThat(HostIdentity.current()).endsWith("/" + System.getProperty("user.name")).doesNotStartWith("/");
    }
}
