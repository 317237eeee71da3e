package dev.orrery.supervisor.internal.toml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Key paths are shown as a person would write them, quoting what is not a bare key. */
@Timeout(10)
class KeyPathTest {

    @Test
    void shouldJoinBareKeysWithDots() {
        assertThat(KeyPath.ROOT.child("services").child("demo").child("max-workers"))
                .hasToString("services.demo.max-workers");
    }

    @Test
    void shouldQuoteOtherKeysAndIndexArrays() {
        assertThat(KeyPath.ROOT.child("services").child("demo.kv").child("classes").element(1))
                .hasToString("services.\"demo.kv\".classes[1]");
        assertThat(KeyPath.ROOT.child("")).hasToString("\"\"");
        assertThat(KeyPath.ROOT.child("a\"b\\c\n")).hasToString("\"a\\\"b\\\\c\\n\"");
    }

    @Test
    void shouldTellAKeyThatLooksLikeAnIndexFromAnIndex() {
        assertThat(KeyPath.ROOT.child("a").child("[1]")).isNotEqualTo(KeyPath.ROOT.child("a").element(1));
    }
}
