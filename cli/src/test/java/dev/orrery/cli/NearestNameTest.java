package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NearestNameTest {

    private static final List<String> KV = List.of("put", "get", "delete", "size", "entries");

    @Test
    @Timeout(5)
    void shouldSuggestANameOneEditAway() {
        assertThat(NearestName.of("ech", List.of("echo", "echoBytes"))).contains("echo");
        assertThat(NearestName.of("sise", KV)).contains("size");
    }

    @Test
    @Timeout(5)
    void shouldIgnoreCaseAndSwappedLetters() {
        assertThat(NearestName.of("echobytes", List.of("echo", "echoBytes"))).contains("echoBytes");
        assertThat(NearestName.of("dleete", KV)).contains("delete");
    }

    @Test
    @Timeout(5)
    void shouldSuggestNothingWhenNoNameIsClose() {
        assertThat(NearestName.of("frobnicate", KV)).isEmpty();
        assertThat(NearestName.of("x", KV)).isEmpty();
    }

    @Test
    @Timeout(5)
    void shouldCountEdits() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("ab", "ba")).isEqualTo(1);
    }
}
