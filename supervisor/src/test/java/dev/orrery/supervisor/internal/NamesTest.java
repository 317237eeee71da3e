package dev.orrery.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names checked by their syntax alone: group names, class names, keys meant, addresses. */
@Timeout(10)
class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"echo", "key-value", "a", "web2", "a-b-c"})
    void shouldAcceptGroupNames(String name) {
        assertThat(ServicesSection.isGroupName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Echo", "key_value", "demo.kv", "1st", "-x", "a b", "é"})
    void shouldRefuseOtherGroupNames(String name) {
        assertThat(ServicesSection.isGroupName(name)).isFalse();
    }

    @Test
    void shouldRefuseAGroupNameLongerThanAServiceName() {
        assertThat(ServicesSection.isGroupName("a".repeat(128))).isTrue();
        assertThat(ServicesSection.isGroupName("a".repeat(129))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.orrery.examples.EchoService", "a.B", "com.example.Outer$Inner", "x.y_z.Ünïcode"})
    void shouldAcceptQualifiedClassNames(String name) {
        assertThat(JavaNames.isQualifiedClassName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EchoService", "a..B", ".a.B", "a.B.", "1a.B", "a.class.B", "a.b-c.D", "a.B C",
            "a/b/C"})
    void shouldRefuseOtherClassNames(String name) {
        assertThat(JavaNames.isQualifiedClassName(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "10.1.2.3", "::1", "::", "fe80::1", "localhost"})
    void shouldAcceptBindAddresses(String host) {
        assertThat(AddressTypes.isBindAddress(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.1", "1", "256.0.0.1", "example.com", "[::1]", "fe80::1%eth0", " 127.0.0.1"})
    void shouldRefuseOtherBindAddresses(String host) {
        assertThat(AddressTypes.isBindAddress(host)).isFalse();
    }

    @Test
    void shouldTellLoopbackAddresses() {
        assertThat(List.of("127.0.0.1", "127.9.9.9", "::1", "localhost")).allMatch(AddressTypes::isLoopback);
        assertThat(List.of("0.0.0.0", "::", "10.0.0.1")).noneMatch(AddressTypes::isLoopback);
    }
}
