package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Problems point at the line and column where their key, or array element, is written, however it is written. */
@Timeout(10)
class LineNumberTest {
    @TempDir
    Path dir;

    @Test
    void shouldPointAtKeysOfServiceTablesAndAtDottedKeys() {
        ConfigFile file = ConfigFile.write(dir, """
                # comments with [services.fake] and "quotes" and max-workers = 0 do not count
                [services.echo]   # a comment after a header
                classes = ["dev.orrery.examples.EchoService"]
                  max-workers = 0

                [services.kv]
                classes = ["dev.orrery.examples.KeyValueService"]
                scale.up-threshold   =   2
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("max-workers = 0\n", "services.echo.max-workers",
                        "services.echo.max-workers = 0: must be from 1 to 256"),
                file.expected("up-threshold   =", "services.kv.scale.up-threshold",
                        "services.kv.scale.up-threshold = 2: must be above 0 and at most 1"));
    }

    @Test
    void shouldPointAtKeysInsideInlineTables() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                scale = { up-threshold = 0.5, "down-window" = "1s", cpu-treshold = 1 }
                env = { OK = "yes", BAD = false }
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("\"down-window\"", "services.echo.scale.down-window",
                        "services.echo.scale.down-window = \"1s\": must be at least up-window (10s, the default), "
                                + "so that a group shrinks no faster than it grows"),
                file.expected("cpu-treshold", "services.echo.scale.cpu-treshold",
                        "unknown key services.echo.scale.cpu-treshold; did you mean cpu-threshold?"),
                file.expected("BAD", "services.echo.env.BAD",
                        "services.echo.env.BAD = false: must be a string, got a boolean; put it in quotes"));
    }

    @Test
    void shouldPointAtTheElementOfAMultiLineArray() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.echo]
                classes = [
                    "dev.orrery.examples.EchoService",   # one, with a comment, ] and "quotes"
                    "dev.orrery.examples.KeyValueService",
                    "dev.orrery..Broken",
                ]
                jvm-options = ["-Dx=#1", "-D]", "no-dash", "-Dy=,"]
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("\"dev.orrery..Broken\"", "services.echo.classes[2]", "services.echo.classes[2] = "
                        + "\"dev.orrery..Broken\": must be a fully qualified class name, with its package, such as "
                        + "dev.orrery.examples.EchoService"),
                file.expected("\"no-dash\"", "services.echo.jvm-options[2]", "services.echo.jvm-options[2] = "
                        + "\"no-dash\": must be a JVM option, starting with '-', such as \"-Dkey=value\""));
    }

    @Test
    void shouldCountTheLinesOfMultiLineStrings() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                env.NOTE = \"""
                a note over lines, with "quotes", \\\""" and a [table] = 1
                \"""
                env.RAW = '''
                raw ''text'' too
                '''
                log-keep = -1
                """);

        assertThat(file.problem()).isEqualTo(file.expected("log-keep", "defaults.log-keep",
                "defaults.log-keep = -1: must be from 0 to 1000"));
    }

    @Test
    void shouldPointAtQuotedKeys() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.'echo']
                "classes" = ["dev.orrery.examples.EchoService"]
                "max worker" = 3
                """);

        assertThat(file.problem()).isEqualTo(file.expected("\"max worker\"", "services.echo.\"max worker\"",
                "unknown key services.echo.\"max worker\"; did you mean max-workers?"));
    }

    @Test
    void shouldCountWindowsLineEndings() {
        ConfigFile file = ConfigFile.write(dir, "[services.echo]\r\n"
                + "classes = [\"dev.orrery.examples.EchoService\"]\r\n"
                + "\r\n"
                + "shm = 1\r\n");

        ConfigProblem problem = file.problem();

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(1);
    }

    @Test
    void shouldPointAtTheHeaderOfATableRatherThanAtASubTableWrittenBeforeIt() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.echo.scale]
                up-threshold = 0.9

                [services.echo]
                max-workers = 2
                """);

        assertThat(file.problem().line()).isEqualTo(4);
        assertThat(file.problem().key()).isEqualTo("services.echo");
    }

    @Test
    void shouldPointAtAnArrayOfTablesWhereATableBelongs() {
        ConfigFile file = ConfigFile.write(dir, """
                [nameserver]
                port = 2012

                [[services.echo]]
                classes = ["dev.orrery.examples.EchoService"]
                """);

        assertThat(file.problem()).isEqualTo(file.expected("echo", "services.echo", "services.echo = "
                + "[{ classes = [\"dev.orrery.examples.EchoService\"] }]: must be a table, [services.echo], that "
                + "lists the classes to run"));
    }

    @Test
    void shouldPointAtElementsAfterADateTimeWithASpace() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.echo]
                classes = [1979-05-27 07:32:00, 42]
                """);

        assertThat(file.problems()).extracting(ConfigProblem::line, ConfigProblem::column, ConfigProblem::key)
                .containsExactly(
                        tuple(2, file.column("1979"), "services.echo.classes[0]"),
                        tuple(2, file.column("42"), "services.echo.classes[1]"));
    }

    @Test
    void shouldPointAtElementsOfNestedArrays() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                jvm-options = [
                    ["-Dnested"],
                ]
                """);

        assertThat(file.problem()).isEqualTo(file.expected("[\"-Dnested\"]", "defaults.jvm-options[0]",
                "defaults.jvm-options[0] = [\"-Dnested\"]: must be a string, got an array"));
    }
}
