package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PathPatternTest {

    @Test
    void shouldMatchLiteralSegmentsAndCaptureNamedOnes() {
        PathPattern pattern = PathPattern.of("/api/services/{name}/history");

        assertThat(pattern.match("/api/services/echo/history")).isEqualTo(Map.of("name", "echo"));
        assertThat(pattern.match("/api/services/echo/history/")).isEqualTo(Map.of("name", "echo"));
        assertThat(pattern.match("/api/services/echo/logs")).isNull();
        assertThat(pattern.match("/api/services//history")).isNull();
        assertThat(pattern.match("/api/services/echo")).isNull();
    }

    @Test
    void shouldMatchTheRootOnlyByItself() {
        PathPattern root = PathPattern.of("/");

        assertThat(root.match("/")).isEmpty();
        assertThat(root.match("/logs")).isNull();
    }

    @Test
    void shouldRefuseAPatternThatIsNotAPath() {
        assertThatThrownBy(() -> PathPattern.of("api")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a path pattern starts with /, got api");
    }
}
