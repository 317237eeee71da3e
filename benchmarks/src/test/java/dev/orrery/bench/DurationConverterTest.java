package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DurationConverterTest {

    @Test
    void shouldReadANumberAndAUnit() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationConverter.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationConverter.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(DurationConverter.parse("7ns")).isEqualTo(Duration.ofNanos(7));
        assertThat(DurationConverter.parse("0s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldReadFractionsSpacesAndUpperCase() {
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationConverter.parse("0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse(" 3 S ")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldReadIsoDurations() {
        assertThat(DurationConverter.parse("PT10S")).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "ten seconds", "-1s", "1d", "1.s", "PT-1S", "PTxS"})
    void shouldRejectWhatIsNotADurationAndShowTheForm(String text) {
        assertThatThrownBy(() -> DurationConverter.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("such as 500ms, 10s or 1m");
    }

    @Test
    void shouldRejectADurationTooLongForNanoseconds() {
        assertThatThrownBy(() -> DurationConverter.parse("9999999999h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void shouldGivePicocliAMessageWithoutAStackTrace() {
        assertThatThrownBy(() -> new DurationConverter().convert("10"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("invalid duration '10'");
    }

    @Test
    void shouldFormatWhatItParses() {
        for (String text : new String[] {"3s", "500ms", "1m", "90s", "7ns"}) {
            assertThat(DurationConverter.format(DurationConverter.parse(text))).isEqualTo(text);
        }
        assertThat(DurationConverter.format(Duration.ZERO)).isEqualTo("0s");
    }
}
