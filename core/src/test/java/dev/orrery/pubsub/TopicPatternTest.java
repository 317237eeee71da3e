package dev.orrery.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TopicPatternTest {

    @Test
    void shouldMatchOneSegmentWithAStarAndTheRestWithAnAngle() {
        TopicPattern fx = TopicPattern.of("market.fx.*");
        assertThat(fx.matches("market.fx.eurusd")).isTrue();
        assertThat(fx.matches("market.fx")).isFalse();
        assertThat(fx.matches("market.fx.eurusd.bid")).isFalse();
        assertThat(fx.matches("market.fxx.eurusd")).isFalse();

        TopicPattern market = TopicPattern.of("market.>");
        assertThat(market.matches("market.fx")).isTrue();
        assertThat(market.matches("market.fx.eurusd.bid")).isTrue();
        assertThat(market.matches("market")).isFalse();
        assertThat(market.matches("marketing.fx")).isFalse();

        assertThat(TopicPattern.of("*.fx.>").matches("market.fx.eurusd")).isTrue();
        assertThat(TopicPattern.of(">").matches("anything.at.all")).isTrue();
    }

    @Test
    void shouldMatchOnlyItselfWhenLiteral() {
        TopicPattern literal = TopicPattern.of("demo.ticks");
        assertThat(literal.isLiteral()).isTrue();
        assertThat(literal.matches("demo.ticks")).isTrue();
        assertThat(literal.matches("demo.tick")).isFalse();
        assertThat(literal.matches("demo.ticks.more")).isFalse();
        assertThat(literal.matches("demo")).isFalse();
        assertThat(TopicPattern.of("demo.*").isLiteral()).isFalse();
    }

    @Test
    void shouldRefusePatternsThatBreakTheRuleSayingWhatIsAllowed() {
        for (String bad : new String[] {"", "a..b", "a.", ".a", "a.>.b", "a.b c", "a.**", "a.>>"}) {
            assertThatThrownBy(() -> TopicPattern.of(bad)).as("'%s'", bad).isInstanceOf(OrreryException.class)
                    .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                    .hasMessageContaining("is not valid").hasMessageContaining("dotted segments");
        }
        assertThatThrownBy(() -> TopicPattern.of("a.>.b")).hasMessageContaining("'>' may only be the last segment");
        assertThatThrownBy(() -> TopicPattern.of("x".repeat(256))).hasMessageContaining("at most 255 characters");
    }

    @Test
    void shouldRefuseWildcardsInATopicAMessageIsPublishedTo() {
        assertThat(TopicPattern.checkTopic("market.fx.eurusd")).isEqualTo("market.fx.eurusd");
        assertThatThrownBy(() -> TopicPattern.checkTopic("market.*"))
                .hasMessageContaining("wildcards belong in subscriptions");
        assertThatThrownBy(() -> TopicPattern.checkTopic(null)).hasMessageContaining("topic null is not valid");
    }

    @Property(tries = 300)
    void shouldMatchATopicFromWhichThePatternWasMadeAndNotOneSegmentLonger(
            @ForAll("topics") List<String> segments, @ForAll @IntRange(min = 0, max = 1_000) int seed) {
        String topic = String.join(".", segments);
        List<String> pattern = new ArrayList<>(segments);
        for (int i = 0; i < pattern.size(); i++) {
            if ((seed >> i & 1) == 1) {
                pattern.set(i, TopicPattern.ONE);
            }
        }
        TopicPattern exact = TopicPattern.of(String.join(".", pattern));
        assertThat(exact.matches(topic)).isTrue();
        assertThat(exact.matches(topic + ".extra")).isFalse();
        if (segments.size() > 1) {
            assertThat(exact.matches(String.join(".", segments.subList(0, segments.size() - 1)))).isFalse();
            List<String> prefix = new ArrayList<>(pattern.subList(0, pattern.size() - 1));
            prefix.add(TopicPattern.REST);
            assertThat(TopicPattern.of(String.join(".", prefix)).matches(topic + ".extra")).isTrue();
        }
    }

    @Provide
    Arbitrary<List<String>> topics() {
        return Arbitraries.strings().withChars("abcxyz019_-").ofMinLength(1).ofMaxLength(6).list().ofMinSize(1)
                .ofMaxSize(6);
    }
}
