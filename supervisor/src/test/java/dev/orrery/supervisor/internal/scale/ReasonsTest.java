package dev.orrery.supervisor.internal.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The figures in the reasons: shares, sizes and durations as a reader wants them. */
@Timeout(10)
class ReasonsTest {

    @Test
    void shouldWriteDurationsInTheUnitsThatReadBest() {
        assertThat(Reasons.duration(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Reasons.duration(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Reasons.duration(Duration.ofMillis(10_500))).isEqualTo("10.5s");
        assertThat(Reasons.duration(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(Reasons.duration(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Reasons.duration(Duration.ofMillis(90_400))).isEqualTo("1m30s");
        assertThat(Reasons.duration(Duration.ofSeconds(3900))).isEqualTo("1h5m");
        assertThat(Reasons.duration(Duration.ofSeconds(3601))).isEqualTo("1h1s");
    }

    @Test
    void shouldWriteSizesInMebibytesWithADecimalWhereNeeded() {
        assertThat(Reasons.size(256L << 20)).isEqualTo("256 MiB");
        assertThat(Reasons.size((256L << 20) + (1L << 19))).isEqualTo("256.5 MiB");
        assertThat(Reasons.size(4L << 30)).isEqualTo("4096 MiB");
        assertThat(Reasons.size(512L << 10)).isEqualTo("512 KiB");
        assertThat(Reasons.size(1000)).isEqualTo("1.0 KiB");
    }

    @Test
    void shouldWriteSharesWithTwoDecimalsWhateverTheLocale() {
        assertThat(Reasons.share(0.9149)).isEqualTo("0.91");
        assertThat(Reasons.share(1.0 / 3)).isEqualTo("0.33");
    }
}
