package dev.orrery.nameserver;

import static dev.orrery.nameserver.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.Registration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused with INVALID_ARGUMENT and a message that says what is allowed. */
@Timeout(10)
class ValidationTest {
    private static final String EP = "tcp://10.0.0.1:7070";

    private final NameServerService nameServer = new NameServerService(new ManualClock(), false);

    @AfterEach
    void close() {
        nameServer.close();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1demo", ".demo", "demo.", "demo..echo", "demo echo", "demo/echo", "démo", "demo.*"})
    void shouldRefuseMalformedServiceNames(String name) {
        assertInvalid(() -> nameServer.register(spec(name, EP)), "is not valid",
                "dotted segments of letters, digits, '_' and '-', starting with a letter, at most 128 characters");
    }

    @Test
    void shouldRefuseANameLongerThan128Characters() {
        nameServer.register(spec("a".repeat(128), EP));
        assertInvalid(() -> nameServer.register(spec("a".repeat(129), EP)), "at most 128 characters");
    }

    @Test
    void shouldAcceptTheNamesServicesMayHave() {
        for (String name : List.of("demo.echo", "a", "Orders_v2.api-1", "x.2y._z")) {
            Registration registration = nameServer.register(spec(name, EP));
            assertThat(nameServer.locate(name, Map.of())).hasSize(1);
            nameServer.deregister(registration.instanceId(), registration.ownerToken());
        }
    }

    @Test
    void shouldRefuseNoEndpointsOrTooMany() {
        assertInvalid(() -> nameServer.register(new InstanceSpec("demo.echo", List.of(), Map.of(), 0)),
                "1 to 16 endpoints", "got 0");
        assertInvalid(() -> nameServer.register(new InstanceSpec("demo.echo", null, Map.of(), 0)),
                "1 to 16 endpoints");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            many.add("tcp://10.0.0.1:" + (7000 + i));
        }
        assertInvalid(() -> nameServer.register(new InstanceSpec("demo.echo", many, Map.of(), 0)), "got 17");
    }

    @Test
    void shouldRefuseABadEndpoint() {
        assertInvalid(() -> nameServer.register(spec("demo.echo", "10.0.0.1:7070")), "endpoint 1 is not valid",
                "scheme://address such as tcp://127.0.0.1:7070");
        assertInvalid(() -> nameServer.register(spec("demo.echo", "tcp://10.0.0.1:99999")),
                "needs a port from 0 to 65535");
        List<String> withNull = Collections.singletonList(null);
        assertInvalid(() -> nameServer.register(new InstanceSpec("demo.echo", withNull, Map.of(), 0)),
                "endpoint 1 is not valid");
    }

    @Test
    void shouldRefuseAbsurdTtls() {
        String allowed = "ttlMillis must be from 1000 (1 s) to 3600000 (1 h), or 0 for the default of 10000";
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, 5)), allowed, "got 5");
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, 7_200_000)), allowed, "got 7200000");
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, -1)), allowed);
    }

    @Test
    void shouldRefuseTooMuchMetadata() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("k" + i, "v");
        }
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, many)), "65 entries", "at most 64");

        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, Map.of("big", "x".repeat(1025)))),
                "value of 'big' has 1025 characters", "at most 1024");

        Map<String, String> heavy = new HashMap<>();
        for (int i = 0; i < 17; i++) {
            heavy.put("k" + i, "x".repeat(1000));
        }
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, heavy)), "at most 16384 (16 KiB)");
    }

    @Test
    void shouldRefuseBadMetadataKeysAndNullValues() {
        String keys = "keys are 1 to 128 characters of letters, digits, '.', '_' and '-'";
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, Map.of("", "v"))), keys);
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, Map.of("a key", "v"))), "'a key'", keys);
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, Map.of("k".repeat(129), "v"))), keys);
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("zone", null);
        assertInvalid(() -> nameServer.register(spec("demo.echo", EP, nullValue)), "value of 'zone' is null");
        assertInvalid(() -> nameServer.register(new InstanceSpec("demo.echo", List.of(EP), null, 0)),
                "metadata is required");
    }

    @Test
    void shouldRefuseNullsAndBadMetadataOnOtherCalls() {
        assertInvalid(() -> nameServer.register(null), "register needs an InstanceSpec");
        Registration registration = nameServer.register(spec("demo.echo", EP));
        assertInvalid(() -> nameServer.renew(null, registration.ownerToken()), "instanceId is required");
        assertInvalid(() -> nameServer.renew(registration.instanceId(), null), "ownerToken is required");
        assertInvalid(() -> nameServer.update(registration.instanceId(), registration.ownerToken(),
                Map.of("bad key", "v")), "keys are 1 to 128 characters");
        assertInvalid(() -> nameServer.locate("demo echo", Map.of()), "is not valid");
        assertInvalid(() -> nameServer.list("*".repeat(257)), "a glob has at most 256 characters");
        assertInvalid(() -> nameServer.watch("*".repeat(257), new RecordingSink()), "at most 256 characters");
        assertInvalid(() -> nameServer.watch("*", null), "watch needs a sink");
    }

    private static void assertInvalid(Executable call, String... phrases) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(OrreryException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT);
            assertThat(e.description()).contains(phrases);
        });
    }
}
