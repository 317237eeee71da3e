package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A valid file becomes a model with every default applied, inherited and overridden as the file says. */
@Timeout(10)
class LoadTest {
    @TempDir
    Path dir;

    @Test
    void shouldApplyTheBuiltInDefaultsToAGroupThatGivesOnlyItsClasses() {
        SupervisorConfig config = ConfigFile.write(dir, """
                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                """).load();

        assertThat(config.nameServer()).isEqualTo(new NameServerSettings.Embedded("127.0.0.1", 2012));
        assertThat(config.nameServer().endpoint()).isEqualTo(Endpoint.parse("tcp://127.0.0.1:2012"));
        assertThat(config.console()).isEqualTo(new ConsoleSettings("127.0.0.1", 5155, Optional.empty()));
        ServiceGroup echo = config.service("echo").orElseThrow();
        assertThat(echo.classes()).containsExactly("dev.orrery.examples.EchoService");
        assertThat(echo.launch()).isEqualTo(new LaunchSettings(List.of(), List.of(), Map.of(), 512L << 20));
        assertThat(echo.listen()).isEqualTo(new ListenSettings(true, Endpoint.parse("tcp://127.0.0.1:0")));
        assertThat(echo.logs()).isEqualTo(new LogSettings(dir.toAbsolutePath().resolve("logs"), 10L << 20, 5));
        assertThat(echo.restarts()).isEqualTo(new RestartPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 5, Duration.ofSeconds(60)));
        assertThat(echo.scale()).isEqualTo(new ScalePolicy(1, 1, ScaleMetric.UTILISATION, 0.75,
                Duration.ofSeconds(10), 0.25, Duration.ofSeconds(60), 0.8));
    }

    @Test
    void shouldLetEveryGroupInheritTheDefaultsAndOverrideAnyOfThem() {
        SupervisorConfig config = ConfigFile.write(dir, """
                [defaults]
                max-workers = 4
                memory-cap = "1GiB"
                grace-period = "30s"
                jvm-options = ["-XX:+UseZGC"]
                log-keep = 2

                [defaults.scale]
                metric = "slots"
                up-threshold = 0.9

                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]

                [services.kv]
                classes = ["dev.orrery.examples.KeyValueService"]
                max-workers = 1
                jvm-options = []
                grace-period = "2m"
                scale = { up-threshold = 0.5 }
                """).load();

        ServiceGroup echo = config.service("echo").orElseThrow();
        assertThat(echo.scale().maxWorkers()).isEqualTo(4);
        assertThat(echo.launch().memoryCap()).isEqualTo(1L << 30);
        assertThat(echo.launch().jvmOptions()).containsExactly("-XX:+UseZGC");
        assertThat(echo.restarts().gracePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(echo.logs().keep()).isEqualTo(2);
        assertThat(echo.scale().metric()).isEqualTo(ScaleMetric.SLOTS);
        assertThat(echo.scale().upThreshold()).isEqualTo(0.9);

        ServiceGroup kv = config.service("kv").orElseThrow();
        assertThat(kv.scale().maxWorkers()).isEqualTo(1);
        assertThat(kv.launch().memoryCap()).isEqualTo(1L << 30);
        assertThat(kv.launch().jvmOptions()).as("an array replaces the inherited one").isEmpty();
        assertThat(kv.restarts().gracePeriod()).isEqualTo(Duration.ofMinutes(2));
        assertThat(kv.scale().upThreshold()).isEqualTo(0.5);
        assertThat(kv.scale().metric()).as("scale merges key by key").isEqualTo(ScaleMetric.SLOTS);
        assertThat(config.services()).extracting(ServiceGroup::name).containsExactly("echo", "kv");
    }

    @Test
    void shouldMergeTheEnvironmentOfTheDefaultsAndOfTheGroup() {
        SupervisorConfig config = ConfigFile.write(dir, """
                [defaults]
                env = { APP_MODE = "demo", REGION = "eu" }

                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                env = { REGION = "us", EXTRA = "1" }
                """).load();

        assertThat(config.service("echo").orElseThrow().launch().env())
                .containsExactly(Map.entry("APP_MODE", "demo"), Map.entry("REGION", "us"), Map.entry("EXTRA", "1"));
    }

    @Test
    void shouldResolveRelativePathsAgainstTheDirectoryOfTheFile() {
        Path sub = dir.resolve("deploy");
        SupervisorConfig config = ConfigFile.writeAt(sub.resolve("orrery.toml"), """
                [defaults]
                log-dir = "../var/log"

                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                classpath = ["lib/*.jar", "build/classes", "/opt/shared/x.jar"]
                """).load();

        ServiceGroup echo = config.service("echo").orElseThrow();
        Path base = sub.toAbsolutePath();
        assertThat(echo.logs().directory()).isEqualTo(dir.toAbsolutePath().resolve("var/log"));
        assertThat(echo.launch().classPath()).containsExactly(base.resolve("lib/*.jar"),
                base.resolve("build/classes"), Path.of("/opt/shared/x.jar"));
    }

    @Test
    void shouldReadEveryKeyOfTheFile() {
        SupervisorConfig config = ConfigFile.write(dir, """
                [nameserver]
                port = 0
                bind = "0.0.0.0"

                [console]
                port = 8080
                bind = "::"
                token = "s3cret-t0ken-of-24-chars"

                [services.calc]
                classes = ["dev.orrery.examples.CalculatorService"]
                min-workers = 0
                max-workers = 8
                memory-cap = "256MiB"
                log-max-size = "512KiB"
                shm = false
                tcp-bind = "[::1]:0"
                restart-backoff = "250ms"
                restart-backoff-max = "1h"
                crash-loop-limit = 3
                crash-loop-window = "5m"
                scale.down-threshold = 0
                scale.down-window = "2m"
                scale.up-window = "15s"
                scale.cpu-threshold = 1
                """).load();

        assertThat(config.nameServer()).isEqualTo(new NameServerSettings.Embedded("0.0.0.0", 0));
        assertThat(config.console().port()).isEqualTo(8080);
        assertThat(config.console().bind()).isEqualTo("::");
        assertThat(config.console().token()).contains("s3cret-t0ken-of-24-chars");
        ServiceGroup calc = config.service("calc").orElseThrow();
        assertThat(calc.scale()).isEqualTo(new ScalePolicy(0, 8, ScaleMetric.UTILISATION, 0.75,
                Duration.ofSeconds(15), 0.0, Duration.ofMinutes(2), 1.0));
        assertThat(calc.launch().memoryCap()).isEqualTo(256L << 20);
        assertThat(calc.logs().maxFileSize()).isEqualTo(512L << 10);
        assertThat(calc.listen()).isEqualTo(new ListenSettings(false, Endpoint.parse("tcp://[::1]:0")));
        assertThat(calc.restarts()).isEqualTo(new RestartPolicy(Duration.ofSeconds(10), Duration.ofMillis(250),
                Duration.ofHours(1), 3, Duration.ofMinutes(5)));
    }

    @Test
    void shouldUseANameServerThatRunsElsewhereWhenToldToConnect() {
        SupervisorConfig config = ConfigFile.write(dir, """
                [nameserver]
                connect = "tcp://ns.example.com:2012"
                """).load();

        assertThat(config.nameServer()).isEqualTo(
                new NameServerSettings.Remote(Endpoint.parse("tcp://ns.example.com:2012")));
    }

    @Test
    void shouldAcceptAFileWithoutServiceGroupsForASupervisorOfOnlyANameServerAndConsole() {
        assertThat(ConfigFile.write(dir, "").load().services()).isEmpty();
        assertThat(ConfigFile.write(dir, "[services]\n").load().services()).isEmpty();
    }

    @Test
    void shouldNeverShowTheConsoleTokenInText() {
        ConsoleSettings console = new ConsoleSettings("0.0.0.0", 5155, Optional.of("s3cret-t0ken-of-24"));

        assertThat(console.toString()).doesNotContain("s3cret").contains("token=***");
    }
}
