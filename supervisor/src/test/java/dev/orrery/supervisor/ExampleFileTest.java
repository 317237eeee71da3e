package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code examples/orrery.toml} is valid, runs the example services, and is quoted as it is in the docs. */
@Timeout(10)
class ExampleFileTest {
    /** Tests run in the module's directory. */
    private static final Path EXAMPLE = Path.of("..", "examples", "orrery.toml");
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    @Test
    void shouldLoadTheExampleWithoutProblems() {
        SupervisorConfig config = SupervisorConfig.load(EXAMPLE);

        assertThat(config.services()).extracting(ServiceGroup::name).containsExactly("echo", "kv", "calc");
        assertThat(config.service("echo").orElseThrow().scale().maxWorkers()).isEqualTo(3);
        assertThat(config.service("kv").orElseThrow().scale().maxWorkers()).isEqualTo(1);
        assertThat(config.service("calc").orElseThrow().scale().maxWorkers()).isEqualTo(1);
        assertThat(config.services()).allSatisfy(group -> {
            assertThat(group.scale().minWorkers()).isEqualTo(1);
            assertThat(group.logs().directory()).isEqualTo(EXAMPLE.toAbsolutePath().normalize().resolveSibling("logs"));
        });
    }

    @Test
    void shouldNameClassesThatExistAndServeServices() throws ClassNotFoundException {
        for (ServiceGroup group : SupervisorConfig.load(EXAMPLE).services()) {
            for (String name : group.classes()) {
                Class<?> type = Class.forName(name);
                assertThat(Arrays.stream(type.getInterfaces()).anyMatch(i -> i.isAnnotationPresent(Service.class)))
                        .as("%s implements a @Service interface", name).isTrue();
            }
        }
    }

    @Test
    void shouldBeQuotedWholeInTheConfigurationReference() throws IOException {
        String example = Files.readString(EXAMPLE);

        assertThat(Files.readString(DOCS)).contains("```toml\n" + example + "```\n");
    }
}
