package dev.orrery.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes and durations: read with a unit, written back in the largest unit that holds them exactly. */
@Timeout(10)
class UnitsTest {

    @Test
    void shouldReadDurationsInEachUnit() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("0s")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "1.5s", "-1s", "10 s", "10S", "1d", "PT10S", "1m30s"})
    void shouldRefuseDurationsOfAnotherForm(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a duration: " + Durations.FORM);
    }

    @Test
    void shouldRefuseADurationTooLongForJava() {
        assertThatThrownBy(() -> Durations.parse("999999999999999999h")).hasMessage("is too long a duration");
    }

    @Test
    void shouldWriteDurationsInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void shouldReadSizesInBinaryUnits() {
        assertThat(Sizes.parse("100B")).isEqualTo(100);
        assertThat(Sizes.parse("64KiB")).isEqualTo(64L << 10);
        assertThat(Sizes.parse("512MiB")).isEqualTo(512L << 20);
        assertThat(Sizes.parse("2GiB")).isEqualTo(2L << 30);
    }

    @Test
    void shouldRefuseDecimalLookingUnitsAndSayWhatToWrite() {
        assertThatThrownBy(() -> Sizes.parse("512MB")).hasMessage(
                "sizes count in powers of 1024, with the units B, KiB, MiB, GiB; write \"512MiB\"");
        assertThatThrownBy(() -> Sizes.parse("1g")).hasMessageEndingWith("write \"1GiB\"");
        assertThatThrownBy(() -> Sizes.parse("8kib")).hasMessageEndingWith("write \"8KiB\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "512", "MiB", "1.5GiB", "-1MiB", "512 MiB", "512TiB", "lots"})
    void shouldRefuseSizesOfAnotherForm(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).hasMessage("must be a size: " + Sizes.FORM);
    }

    @Test
    void shouldRefuseASizeTooLargeForALong() {
        assertThatThrownBy(() -> Sizes.parse("9999999999GiB")).hasMessage("is too large a size");
    }

    @Test
    void shouldWriteSizesInTheLargestExactUnit() {
        assertThat(Sizes.format(1L << 30)).isEqualTo("1GiB");
        assertThat(Sizes.format(1536L << 10)).isEqualTo("1536KiB");
        assertThat(Sizes.format(16L << 20)).isEqualTo("16MiB");
        assertThat(Sizes.format(100)).isEqualTo("100B");
        assertThat(Sizes.format(0)).isEqualTo("0B");
    }
}
