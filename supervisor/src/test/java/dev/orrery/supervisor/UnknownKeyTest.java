package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A key that means nothing is an error that names the key meant, or the keys valid there. */
@Timeout(10)
class UnknownKeyTest {
    @TempDir
    Path dir;

    @Test
    void shouldNameTheClosestKeyOfAServiceGroup() {
        ConfigFile file = ConfigFile.write(dir, """
                # the demo services
                [services.demo]
                classes = ["dev.orrery.examples.EchoService"]
                max-worker = 3
                """);

        ConfigProblem problem = file.problem();

        assertThat(problem).isEqualTo(file.expected("max-worker", "services.demo.max-worker",
                "unknown key services.demo.max-worker; did you mean max-workers?"));
        assertThat(problem).hasToString(file.path() + ":4: unknown key services.demo.max-worker; did you mean "
                + "max-workers?");
    }

    @Test
    void shouldNameTheClosestTable() {
        ConfigFile file = ConfigFile.write(dir, """
                [service.demo]
                classes = ["dev.orrery.examples.EchoService"]
                """);

        assertThat(file.problem()).isEqualTo(file.expected("service", "service",
                "unknown key service; did you mean services?"));
    }

    @Test
    void shouldNameTheClosestKeyInsideScaleAndTheNameServerAndTheConsole() {
        ConfigFile file = ConfigFile.write(dir, """
                [nameserver]
                prot = 2012
                [console]
                tokn = "0123456789abcdef0123"
                [defaults.scale]
                up-treshold = 0.5
                """);

        assertThat(file.problems()).containsExactly(
                file.expected("prot", "nameserver.prot", "unknown key nameserver.prot; did you mean port?"),
                file.expected("tokn", "console.tokn", "unknown key console.tokn; did you mean token?"),
                file.expected("up-treshold", "defaults.scale.up-treshold",
                        "unknown key defaults.scale.up-treshold; did you mean up-threshold?"));
    }

    @Test
    void shouldListTheValidKeysWhenNoneIsClose() {
        ConfigFile file = ConfigFile.write(dir, """
                [nameserver]
                frobnicate = true
                """);

        assertThat(file.problem().message()).isEqualTo(
                "unknown key nameserver.frobnicate; valid keys here: port, bind, connect");
    }

    @Test
    void shouldSayThatClassesBelongInTheGroupsNotInTheDefaults() {
        ConfigFile file = ConfigFile.write(dir, """
                [defaults]
                classes = ["dev.orrery.examples.EchoService"]
                """);

        assertThat(file.problem()).isEqualTo(file.expected("classes", "defaults.classes",
                "defaults.classes: the classes of a group go in its own [services.NAME] table, not in [defaults]"));
    }
}
