package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value of the wrong type, out of range or malformed is reported at its line, with its key, the value as
 * written, and what would be valid.
 */
@Timeout(10)
class ValueProblemTest {
    private static final String SIZES = "a whole number and one of the units B, KiB, MiB, GiB, such as \"512MiB\"";
    private static final String DURATIONS = "a whole number and one of the units ms, s, m, h, such as \"10s\"";
    private static final String CLASS_NAME = "must be a fully qualified class name, with its package, such as "
            + "dev.orrery.examples.EchoService";
    private static final String HOST_PORT = "must be host:port such as \"127.0.0.1:0\", the host an IP address "
            + "such as 127.0.0.1, 0.0.0.0 or ::1, or localhost, an IPv6 one in brackets such as \"[::1]:0\"";

    @TempDir
    Path dir;

    static Stream<Arguments> groupValues() {
        return Stream.of(
                arguments("max-workers = \"3\"", "max-workers",
                        "= \"3\": must be an integer from 1 to 256, got a string; write it without quotes"),
                arguments("max-workers = 0", "max-workers", "= 0: must be from 1 to 256"),
                arguments("max-workers = 2.5", "max-workers", "= 2.5: must be an integer from 1 to 256, got a float"),
                arguments("min-workers = 99999999999999999999", "min-workers",
                        "= 99999999999999999999: must be from 0 to 256"),
                arguments("log-keep = -1", "log-keep", "= -1: must be from 0 to 1000"),
                arguments("crash-loop-limit = 0", "crash-loop-limit", "= 0: must be from 1 to 1000"),
                arguments("shm = \"yes\"", "shm", "= \"yes\": must be true or false, got a string"),
                arguments("shm = 1979-05-27", "shm", "= 1979-05-27: must be true or false, got a date-time"),
                arguments("memory-cap = \"512MB\"", "memory-cap", "= \"512MB\": sizes count in powers of 1024, "
                        + "with the units B, KiB, MiB, GiB; write \"512MiB\""),
                arguments("memory-cap = \"lots\"", "memory-cap", "= \"lots\": must be a size: " + SIZES),
                arguments("memory-cap = \"1.5GiB\"", "memory-cap", "= \"1.5GiB\": must be a size: " + SIZES),
                arguments("memory-cap = 512", "memory-cap", "= 512: must be a size in quotes: " + SIZES),
                arguments("memory-cap = \"1MiB\"", "memory-cap", "= \"1MiB\": must be at least 16MiB"),
                arguments("log-max-size = \"99999999999GiB\"", "log-max-size",
                        "= \"99999999999GiB\": is too large a size"),
                arguments("grace-period = \"10 s\"", "grace-period", "= \"10 s\": must be a duration: " + DURATIONS),
                arguments("grace-period = 10", "grace-period", "= 10: must be a duration in quotes: " + DURATIONS),
                arguments("grace-period = \"2h\"", "grace-period", "= \"2h\": must be from 0s to 1h"),
                arguments("restart-backoff = \"1ms\"", "restart-backoff", "= \"1ms\": must be from 10ms to 1h"),
                arguments("crash-loop-window = \"2d\"", "crash-loop-window",
                        "= \"2d\": must be a duration: " + DURATIONS),
                arguments("tcp-bind = \"127.0.0.1\"", "tcp-bind", "= \"127.0.0.1\": " + HOST_PORT),
                arguments("tcp-bind = \"example.com:0\"", "tcp-bind", "= \"example.com:0\": " + HOST_PORT),
                arguments("tcp-bind = \"::1:0\"", "tcp-bind", "= \"::1:0\": " + HOST_PORT),
                arguments("tcp-bind = \"tcp://127.0.0.1:0\"", "tcp-bind",
                        "= \"tcp://127.0.0.1:0\": must be host:port, without a scheme, such as \"127.0.0.1:0\""),
                arguments("tcp-bind = \"127.0.0.1:70000\"", "tcp-bind",
                        "= \"127.0.0.1:70000\": needs a port from 0 to 65535, 0 for any free port"),
                arguments("jvm-options = [\"Xmx1g\"]", "jvm-options[0]",
                        "= \"Xmx1g\": must be a JVM option, starting with '-', such as \"-Dkey=value\""),
                arguments("jvm-options = [\"-Xmx1g\"]", "jvm-options[0]", "= \"-Xmx1g\": sets the heap limit, "
                        + "which memory-cap sets; remove it and set memory-cap, such as memory-cap = \"1GiB\""),
                arguments("jvm-options = [\"-Dx=1\", \"-cp\"]", "jvm-options[1]",
                        "= \"-cp\": sets the class path, which classpath sets; remove it and set classpath"),
                arguments("jvm-options = \"-Dx=1\"", "jvm-options", "= \"-Dx=1\": must be an array of JVM options, "
                        + "such as [\"-XX:+UseZGC\", \"-Dapp.mode=demo\"]"),
                arguments("env = { X = 1 }", "env.X", "= 1: must be a string, got an integer; put it in quotes"),
                arguments("env = [\"X=1\"]", "env",
                        "= [\"X=1\"]: must be a table of strings, such as { APP_MODE = \"demo\" }"),
                arguments("classpath = []", "classpath", "= []: must list at least one of the class path entries, "
                        + "such as [\"lib/*.jar\", \"build/classes\"]"),
                arguments("classpath = [\"lib/*/x.jar\"]", "classpath[0]",
                        "= \"lib/*/x.jar\": may have a '*' in its last part only, such as \"lib/*.jar\""),
                arguments("log-dir = \"\"", "log-dir", "= \"\": must be a path in quotes, such as \"logs\""),
                arguments("log-dir = \"logs/*\"", "log-dir", "= \"logs/*\": must be a path without '*'"),
                arguments("scale.metric = \"utilization\"", "scale.metric",
                        "= \"utilization\": must be one of utilisation, slots; did you mean utilisation?"),
                arguments("scale.up-threshold = 0", "scale.up-threshold", "= 0: must be above 0 and at most 1"),
                arguments("scale.up-threshold = 1.5", "scale.up-threshold", "= 1.5: must be above 0 and at most 1"),
                arguments("scale.down-threshold = -0.1", "scale.down-threshold",
                        "= -0.1: must be at least 0 and below 1"),
                arguments("scale.cpu-threshold = nan", "scale.cpu-threshold", "= nan: must be above 0 and at most 1"),
                arguments("scale.up-window = \"500ms\"", "scale.up-window", "= \"500ms\": must be from 1s to 1h"),
                arguments("scale = 1", "scale", "= 1: must be a table, such as [services.demo.scale]"));
    }

    @ParameterizedTest
    @MethodSource("groupValues")
    void shouldReportAValueOfAGroupThatIsNotValid(String line, String key, String reason) {
        ConfigFile file = ConfigFile.write(dir, """
                [services.demo]
                classes = ["dev.orrery.examples.EchoService"]
                %s
                """.formatted(line));

        ConfigProblem problem = file.problem();

        assertThat(problem.file()).isEqualTo(file.path());
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("services.demo." + key);
        assertThat(problem.message()).isEqualTo("services.demo." + key + " " + reason);
    }

    static Stream<Arguments> classLists() {
        return Stream.of(
                arguments("classes = []", "classes", "= []: must list at least one of the class names, such as "
                        + "[\"dev.orrery.examples.EchoService\"]"),
                arguments("classes = \"dev.orrery.examples.EchoService\"", "classes",
                        "= \"dev.orrery.examples.EchoService\": must be an array of class names, such as "
                                + "[\"dev.orrery.examples.EchoService\"]"),
                arguments("classes = [\"EchoService\"]", "classes[0]", "= \"EchoService\": " + CLASS_NAME),
                arguments("classes = [\"dev.orrery.class.Echo\"]", "classes[0]",
                        "= \"dev.orrery.class.Echo\": " + CLASS_NAME),
                arguments("classes = [\"a.b.C\", \"a..C\"]", "classes[1]", "= \"a..C\": " + CLASS_NAME),
                arguments("classes = [\"a.b.C\", \"a.b.C\"]", "classes[1]", "= \"a.b.C\": is listed twice"),
                arguments("classes = [1]", "classes[0]", "= 1: must be a string, got an integer"));
    }

    @ParameterizedTest
    @MethodSource("classLists")
    void shouldReportClassesThatAreNotValid(String line, String key, String reason) {
        ConfigFile file = ConfigFile.write(dir, "\n[services.demo]\n" + line + "\n");

        ConfigProblem problem = file.problem();

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("services.demo." + key);
        assertThat(problem.message()).isEqualTo("services.demo." + key + " " + reason);
    }

    static Stream<Arguments> sectionValues() {
        return Stream.of(
                arguments("[nameserver]\nport = 70000", "nameserver.port", "= 70000: must be from 0 to 65535"),
                arguments("[nameserver]\nbind = \"myhost\"", "nameserver.bind",
                        "= \"myhost\": must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, or localhost"),
                arguments("[nameserver]\nbind = \"127.1\"", "nameserver.bind",
                        "= \"127.1\": must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, or localhost"),
                arguments("[nameserver]\nconnect = \"10.0.0.5:2012\"", "nameserver.connect", "= \"10.0.0.5:2012\": "
                        + "must be a name server's endpoint, tcp://host:port, such as \"tcp://10.0.0.5:2012\""),
                arguments("[nameserver]\nconnect = \"shm://ns\"", "nameserver.connect", "= \"shm://ns\": "
                        + "must be a name server's endpoint, tcp://host:port, such as \"tcp://10.0.0.5:2012\""),
                arguments("[nameserver]\nconnect = \"tcp://10.0.0.5:0\"", "nameserver.connect",
                        "= \"tcp://10.0.0.5:0\": needs the name server's port, from 1 to 65535"),
                arguments("[console]\nport = \"80\"", "console.port",
                        "= \"80\": must be an integer from 0 to 65535, got a string; write it without quotes"),
                arguments("[defaults]\nmax-workers = 1000", "defaults.max-workers", "= 1000: must be from 1 to 256"),
                arguments("[defaults.scale]\nup-threshold = \"high\"", "defaults.scale.up-threshold",
                        "= \"high\": must be a number above 0 and at most 1, got a string"));
    }

    @ParameterizedTest
    @MethodSource("sectionValues")
    void shouldReportAValueOfTheOtherTablesThatIsNotValid(String text, String key, String reason) {
        ConfigFile file = ConfigFile.write(dir, "# orrery\n" + text + "\n");

        ConfigProblem problem = file.problem();

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo(key);
        assertThat(problem.message()).isEqualTo(key + " " + reason);
    }

    @Test
    void shouldReportATokenThatIsTooShortWithoutShowingIt() {
        ConfigFile file = ConfigFile.write(dir, """
                [console]
                bind = "0.0.0.0"
                token = "hunter2"
                """);

        assertThat(file.problem()).isEqualTo(file.expected("token", "console.token",
                "console.token: must be a string of at least 16 characters, without spaces or control characters"));
        assertThat(file.problem().toString()).doesNotContain("hunter2");
    }

    @Test
    void shouldReportEachBadEnvironmentVariableName() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                env = { "1X" = "a", "A B" = "b", OK = "c" }
                """);

        assertThat(file.problems()).extracting(ConfigProblem::message).containsExactly(
                "environment variable defaults.env.1X needs a name of letters, digits and '_', not starting "
                        + "with a digit",
                "environment variable defaults.env.\"A B\" needs a name of letters, digits and '_', not starting "
                        + "with a digit");
    }
}
