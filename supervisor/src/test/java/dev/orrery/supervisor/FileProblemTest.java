package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orrery.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every problem of a file comes back at once, in the order of the file; a file that is not TOML says where. */
@Timeout(10)
class FileProblemTest {
    @TempDir
    Path dir;

    @Test
    void shouldReportEveryProblemOfTheFileTogetherInTheOrderOfTheFile() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.demo]
                classes = ["dev.orrery.examples.EchoService"]
                max-worker = 3
                memory-cap = "512MB"

                [defaults]
                grace-period = "soon"

                [console]
                bind = "0.0.0.0"
                """);

        List<ConfigProblem> problems = file.problems();

        assertThat(problems).extracting(ConfigProblem::line).containsExactly(3, 4, 7, 10);
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("services.demo.max-worker",
                "services.demo.memory-cap", "defaults.grace-period", "console.bind");
        assertThat(problems).extracting(ConfigProblem::file).containsOnly(file.path());
    }

    @Test
    void shouldListEveryProblemInTheExceptionsDescription() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.demo]
                classes = ["dev.orrery.examples.EchoService"]
                max-worker = 3
                min-workers = -1
                """);

        ConfigException e = catchThrowableOfType(ConfigException.class, file::load);

        assertThat(e.status()).isEqualTo(Status.INVALID_ARGUMENT);
        assertThat(e.description()).isEqualTo(String.join(System.lineSeparator(),
                file.path() + " has 2 problems:",
                file.path() + ":3: unknown key services.demo.max-worker; did you mean max-workers?",
                file.path() + ":4: services.demo.min-workers = -1: must be from 0 to 256"));
    }

    @Test
    void shouldDescribeASingleProblemOnOneLine() {
        ConfigFile file = ConfigFile.write(dir, "[nameserver]\nport = -1\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, file::load);

        assertThat(e.description()).isEqualTo(file.path() + ":2: nameserver.port = -1: must be from 0 to 65535");
    }

    @Test
    void shouldReportAKeyGivenTwoValuesAtItsSecondValue() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.demo]
                classes = ["dev.orrery.examples.EchoService"]
                max-workers = 3
                max-workers = 4
                """);

        assertThat(file.problem()).isEqualTo(new ConfigProblem(file.path(), 4, 1, "services.demo.max-workers",
                "not valid TOML: services.demo.max-workers is given a value twice"));
    }

    @Test
    void shouldReportAKeyGivenTwoValuesInAnInlineTable() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                env = { A = "1", A = "2" }
                log-keep = 1
                """);

        assertThat(file.problem()).isEqualTo(new ConfigProblem(file.path(), 2, 18, "defaults.env.A",
                "not valid TOML: defaults.env.A is given a value twice"));
    }

    @Test
    void shouldReportASyntaxErrorWhereTheTomlParserFoundIt() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.demo]
                classes = ["dev.orrery.examples.EchoService"]
                max-workers = = 3
                """);

        assertThat(file.problem()).isEqualTo(new ConfigProblem(file.path(), 3, 15, "",
                "not valid TOML: unknown token"));
    }

    @Test
    void shouldReportAnUnterminatedStringAsASyntaxError() {
        ConfigFile file = ConfigFile.write(dir, """
                [console]
                token = "abc
                """);

        ConfigProblem problem = file.problem();

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).startsWith("not valid TOML: ");
        assertThat(problem.toString()).startsWith(file.path() + ":2: not valid TOML: ");
    }

    @Test
    void shouldReportAFileThatDoesNotExist() {
        Path missing = dir.resolve("nothing.toml");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SupervisorConfig.load(missing));

        assertThat(e.problems()).containsExactly(
                new ConfigProblem(missing, 0, 0, "", "cannot be read: there is no such file"));
        assertThat(e.description()).isEqualTo(missing + ": cannot be read: there is no such file");
    }

    @Test
    void shouldReportAFileThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("orrery.toml");
        Files.write(file, new byte[] {'a', ' ', '=', ' ', '"', (byte) 0xff, '"', '\n'});

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SupervisorConfig.load(file));

        assertThat(e.problems()).extracting(ConfigProblem::message)
                .containsExactly("is not UTF-8 text, which TOML requires");
    }
}
