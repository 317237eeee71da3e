package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TopicIntervalTest {

    @Test
    void shouldCarryEveryLatencyThroughOneLineOfJson() throws Exception {
        Deliveries deliveries = new Deliveries(TopicMessage.HEADER);
        long now = System.nanoTime();
        for (long sequence = 1; sequence <= 1000; sequence++) {
            deliveries.arrived(now, sequence, TopicMessage.HEADER);
        }
        deliveries.arrived(now, 1005, TopicMessage.HEADER);
        deliveries.arrived(now, 1006, 3);

        String line = deliveries.cut().format();
        TopicInterval read = TopicInterval.parse(line);

        assertThat(line).doesNotContain("\n");
        assertThat(read.count()).isEqualTo(1001);
        assertThat(read.latencies().getTotalCount()).isEqualTo(1001);
        assertThat(read.missing()).isEqualTo(4);
        assertThat(read.errors()).isEqualTo(1);
        assertThat(read.firstError()).contains("a message of 3 bytes arrived where 16 were published");
        assertThat(read.elapsedNanos()).isPositive();
        assertThat(deliveries.cut().count()).isZero();
    }

    @Test
    void shouldReadTheNumbersAStampWrote() {
        byte[] message = TopicMessage.create(64);

        TopicMessage.stamp(message, 123_456_789_012L, 42);

        assertThat(TopicMessage.nanos(message)).isEqualTo(123_456_789_012L);
        assertThat(TopicMessage.sequence(message)).isEqualTo(42);
        assertThat(message[TopicMessage.HEADER]).isEqualTo((byte) 'q');
    }

    @Test
    void shouldRefuseALineWithoutLatencies() {
        assertThatThrownBy(() -> TopicInterval.parse("{\"count\":1,\"elapsed_nanos\":1,\"missing\":0,\"errors\":0}"))
                .isInstanceOf(IOException.class).hasMessageContaining("has no latencies");
    }
}
