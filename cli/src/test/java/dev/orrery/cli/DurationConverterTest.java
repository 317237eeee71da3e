package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    @Timeout(5)
    void shouldReadShortUnits() {
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @Timeout(5)
    void shouldReadIso8601() {
        assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    @Timeout(5)
    void shouldRejectANumberWithoutUnitSayingHowToWriteIt() {
        assertThatThrownBy(() -> converter.convert("5")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("500ms, 5s");
    }

    @Test
    @Timeout(5)
    void shouldRejectZero() {
        assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("positive");
    }
}
