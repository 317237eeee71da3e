package dev.orrery.internal;

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
        assertThat(NearestName.edits("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.edits("", "abc")).isEqualTo(3);
        assertThat(NearestName.edits("ab", "ba")).isEqualTo(1);
    }

    @Test
    void shouldFindTheKeyMeantByASlipOfTheHand() {
        List<String> keys = List.of("min-workers", "max-workers", "memory-cap", "log-keep");

        assertThat(NearestName.of("max-worker", keys)).contains("max-workers");
        assertThat(NearestName.of("MAX-WORKERS", keys)).contains("max-workers");
        assertThat(NearestName.of("mmeory-cap", keys)).contains("memory-cap");
        assertThat(NearestName.of("log-kept", keys)).contains("log-keep");
        assertThat(NearestName.of("frobnicate", keys)).isEmpty();
        assertThat(NearestName.of("x", keys)).isEmpty();
    }

    @Test
    void shouldCountEditsWithSwapsOfNeighbours() {
        assertThat(NearestName.edits("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.edits("", "abc")).isEqualTo(3);
        assertThat(NearestName.edits("ab", "ba")).isEqualTo(1);
        assertThat(NearestName.edits("port", "prot")).isEqualTo(1);
        assertThat(NearestName.edits("same", "same")).isZero();
    }
}
