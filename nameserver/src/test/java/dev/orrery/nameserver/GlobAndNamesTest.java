package dev.orrery.nameserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.Glob;
import dev.orrery.registry.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name and glob rules of {@code dev.orrery.registry}, which the name server and its clients share. */
@Timeout(10)
class GlobAndNamesTest {

    @ParameterizedTest
    @CsvSource({
        "*, demo.echo, true",
        "*, '', true",
        "demo.*, demo.echo, true",
        "demo.*, demo.kv.admin, true",
        "demo.*, demo, false",
        "demo.*, orders.demo.x, false",
        "demo.e?ho, demo.echo, true",
        "demo.e?ho, demo.eho, false",
        "*.echo, demo.echo, true",
        "*.echo, demo.echoes, false",
        "d*o.*o, demo.echo, true",
        "a*b*c, aXXbYYbZc, true",
        "a*b*c, aXXbYYbZ, false",
        "demo.echo, demo.echo, true",
        "demo.echo, demo.Echo, false",
        "demo?echo, demo.echo, true",
        "**, x, true",
    })
    void shouldMatchStarsQuestionMarksAndLiterals(String pattern, String name, boolean matches) {
        assertThat(Glob.of(pattern).matches(name)).as("%s ~ %s", pattern, name).isEqualTo(matches);
    }

    @Test
    void shouldTreatNullOrEmptyAsEverything() {
        assertThat(Glob.of(null)).isEqualTo(Glob.ALL);
        assertThat(Glob.of("")).isEqualTo(Glob.ALL);
    }

    @Test
    void shouldMatchPathologicalPatternsQuickly() {
        String name = "a".repeat(200);
        assertThat(Glob.of("*a".repeat(100) + "b").matches(name)).isFalse();
    }

    @Test
    void shouldRefuseLongGlobs() {
        assertThat(Glob.of("*".repeat(256)).matches("x")).isTrue();
        assertThatThrownBy(() -> Glob.of("*".repeat(257))).isInstanceOfSatisfying(OrreryException.class,
                e -> assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT));
    }

    @Test
    void shouldFollowTheServiceNameRuleOfServiceAnnotations() {
        assertThat(Names.isServiceName("demo.echo")).isTrue();
        assertThat(Names.isServiceName("orrery.nameserver")).isTrue();
        assertThat(Names.isServiceName("demo.2nd")).isTrue();
        assertThat(Names.isServiceName("2nd.demo")).isFalse();
        assertThat(Names.isServiceName(null)).isFalse();
        assertThat(Names.isServiceName("x".repeat(129))).isFalse();
        assertThatThrownBy(() -> Names.checkServiceName("")).isInstanceOfSatisfying(OrreryException.class,
                e -> assertThat(e.description()).isEqualTo("service name '' is not valid: " + Names.SERVICE_NAME_RULE));
    }
}
