package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Values that are valid alone but not together, and tables that miss what they need. */
@Timeout(10)
class RuleProblemTest {
    private static final String ECHO = "classes = [\"dev.orrery.examples.EchoService\"]\n";

    @TempDir
    Path dir;

    @Test
    void shouldBlameMaxWorkersWhenTheGroupSetsBothAndMinIsLarger() {
        ConfigFile file = ConfigFile.write(dir, "[services.demo]\n" + ECHO + """
                min-workers = 4
                max-workers = 2
                """);

        assertThat(file.problem()).isEqualTo(file.expected("max-workers", "services.demo.max-workers",
                "services.demo.max-workers = 2: must be at least min-workers (4)"));
    }

    @Test
    void shouldBlameTheGroupsOwnValueAndSayWhereTheOtherComesFrom() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                max-workers = 3

                [services.demo]
                """ + ECHO + """
                min-workers = 5

                [services.solo]
                """ + ECHO + """
                min-workers = 2
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("min-workers = 5", "services.demo.min-workers",
                        "services.demo.min-workers = 5: must be at most max-workers (3, from defaults.max-workers)"));
    }

    @Test
    void shouldNameTheBuiltInDefaultWhenTheOtherValueIsOne() {
        ConfigFile file = ConfigFile.write(dir, "[services.demo]\n" + ECHO + "min-workers = 2\n");

        assertThat(file.problem().message()).isEqualTo(
                "services.demo.min-workers = 2: must be at most max-workers (1, the default)");
    }

    @Test
    void shouldReportABreakBetweenTwoDefaultsOnceInTheDefaultsRatherThanInEveryGroup() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                restart-backoff = "1m"
                restart-backoff-max = "10s"

                [services.a]
                """ + ECHO + """
                [services.b]
                """ + ECHO);

        assertThat(file.problems()).containsExactly(file.expected("restart-backoff-max",
                "defaults.restart-backoff-max", "defaults.restart-backoff-max = \"10s\": must be at least "
                        + "restart-backoff (1m)"));
    }

    @Test
    void shouldRequireTheDownThresholdBelowTheUpThreshold() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults.scale]
                up-threshold = 0.5
                down-threshold = 0.5

                [services.demo]
                """ + ECHO + """
                scale = { up-threshold = 0.2, down-threshold = 0.1 }

                [services.other]
                """ + ECHO + """
                scale.up-threshold = 0.1
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("down-threshold = 0.5", "defaults.scale.down-threshold",
                        "defaults.scale.down-threshold = 0.5: must be below up-threshold (0.5)"),
                file.expected("up-threshold = 0.1", "services.other.scale.up-threshold",
                        "services.other.scale.up-threshold = 0.1: must be above down-threshold (0.5, from "
                                + "defaults.scale.down-threshold)"));
    }

    @Test
    void shouldRequireADownWindowNoShorterThanTheUpWindow() {
        ConfigFile file = ConfigFile.write(dir, "[services.demo]\n" + ECHO + "scale.down-window = \"5s\"\n");

        assertThat(file.problem()).isEqualTo(file.expected("down-window", "services.demo.scale.down-window",
                "services.demo.scale.down-window = \"5s\": must be at least up-window (10s, the default), so that "
                        + "a group shrinks no faster than it grows"));
    }

    @Test
    void shouldRefuseAFixedTcpPortForMoreThanOneWorker() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                tcp-bind = "0.0.0.0:7070"

                [services.one]
                """ + ECHO + """
                [services.many]
                """ + ECHO + """
                max-workers = 3
                """);

        assertThat(file.problem()).isEqualTo(file.expected("max-workers = 3", "services.many.max-workers",
                "services.many.max-workers = 3: must be 1 while tcp-bind (0.0.0.0:7070, from defaults.tcp-bind) "
                        + "has a fixed port, which only one worker can listen on; or use port 0"));
    }

    @Test
    void shouldRequireATokenForAConsoleThatListensBeyondLoopback() {
        ConfigFile file = ConfigFile.write(dir, """
                [console]
                bind = "0.0.0.0"
                """);

        assertThat(file.problem()).isEqualTo(file.expected("bind", "console.bind", "console.bind = \"0.0.0.0\": "
                + "reaches beyond this host, so the console needs a token; set console.token, or bind 127.0.0.1"));
    }

    @Test
    void shouldAcceptAnyLoopbackConsoleWithoutAToken() {
        for (String bind : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost"}) {
            ConfigFile file = ConfigFile.write(dir, "[console]\nbind = \"" + bind + "\"\n");

            assertThat(file.load().console().bind()).isEqualTo(bind);
        }
    }

    @Test
    void shouldRefuseAPortOrBindBesideConnect() {
        ConfigFile file = ConfigFile.write(dir, """
                [nameserver]
                connect = "tcp://10.0.0.5:2012"
                port = 2012
                bind = "0.0.0.0"
                """);

        String reason = ": does not go with connect, which uses a name server that runs elsewhere; remove %s, "
                + "or remove connect to run one here";
        assertThat(file.problems()).containsExactly(
                file.expected("port", "nameserver.port", "nameserver.port = 2012" + reason.formatted("port")),
                file.expected("bind", "nameserver.bind", "nameserver.bind = \"0.0.0.0\"" + reason.formatted("bind")));
    }

    @Test
    void shouldRefuseTheSamePortForTheConsoleAndTheNameServer() {
        ConfigFile file = ConfigFile.write(dir, """
                [nameserver]
                port = 7000
                [console]
                port=7000
                """);

        assertThat(file.problem()).isEqualTo(file.expected("port=7000", "console.port",
                "console.port = 7000: is the name server's port too (nameserver.port); choose another"));
    }

    @Test
    void shouldReportAGroupWithoutClassesAtItsHeader() {
        ConfigFile file = ConfigFile.write(dir, """
                [services.demo]
                max-workers = 2
                """);

        assertThat(file.problem()).isEqualTo(file.expected("demo", "services.demo", "services.demo: a service "
                + "group needs classes, the service implementations its workers run, such as "
                + "classes = [\"dev.orrery.examples.EchoService\"]"));
    }

    @Test
    void shouldRefuseAGroupWithoutAName() {
        ConfigFile file = ConfigFile.write(dir, "[services.\"\"]\n" + ECHO);

        assertThat(file.problem()).isEqualTo(file.expected("\"\"", "services.\"\"", "services.\"\": a service "
                + "group needs a name: lowercase letters, digits and '-', starting with a letter, at most 128 "
                + "characters, such as echo or key-value"));
    }

    @Test
    void shouldRefuseAGroupNameOutsideTheRule() {
        for (String name : new String[] {"Echo", "key_value", "1st", "\"demo.kv\"", "-x"}) {
            ConfigFile file = ConfigFile.write(dir, "[services." + name + "]\n" + ECHO);

            assertThat(file.problem().message()).as(name).endsWith(": a service group's name must be lowercase "
                    + "letters, digits and '-', starting with a letter, at most 128 characters, such as echo or "
                    + "key-value");
        }
    }

    @Test
    void shouldRefuseServicesOrAGroupThatIsNotATable() {
        ConfigFile file = ConfigFile.write(dir, """
                services.demo = "dev.orrery.examples.EchoService"
                nameserver = 2012
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("demo", "services.demo", "services.demo = \"dev.orrery.examples.EchoService\": must "
                        + "be a table, [services.demo], that lists the classes to run"),
                file.expected("nameserver", "nameserver", "nameserver = 2012: must be a table, [nameserver]"));
    }
}
