package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.examples.Calculator;
import dev.orrery.examples.Echo;
import dev.orrery.examples.KeyValue;
import dev.orrery.Node;
import dev.orrery.SharedMemory;
import dev.orrery.supervisor.GroupStatus;
import dev.orrery.supervisor.Supervisor;
import dev.orrery.supervisor.SupervisorConfig;
import dev.orrery.supervisor.SupervisorOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console of a real supervisor running the demo services as worker processes, in a real headless Chromium:
 * the overview shows the demo services, stop stops one, a service page charts calls and follows the workers'
 * log, the name-server page lists the instances. {@code -Dorrery.screenshots=DIR} saves each page.
 */
@Timeout(120)
class RealSupervisorBrowserTest {

    @TempDir
    Path dir;

    @Test
    void shouldShowActOnAndChartTheDemoServicesOfARealSupervisor() throws Exception {
        assumeTrue(Browser.missing().isEmpty(), () -> Browser.missing().orElseThrow());
        Path file = dir.resolve("orrery.toml");
        Files.writeString(file, """
                [nameserver]
                port = 0

                [console]
                port = 0

                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                max-workers = 2

                [services.kv]
                classes = ["dev.orrery.examples.KeyValueService"]

                [services.calc]
                classes = ["dev.orrery.examples.CalculatorService"]
                """);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Supervisor supervisor = Supervisor.start(SupervisorConfig.load(file),
                SupervisorOptions.defaults().withRegistry(registry));
             Console console = Console.start(supervisor, supervisor.config().console(), registry);
             Node client = Node.builder().name("browser-test-client")
                     .nameserver(supervisor.nameServerEndpoint().toString()).sharedMemory(SharedMemory.NEVER)
                     .build()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> supervisor.groups().stream()
                    .allMatch(g -> g.status() == GroupStatus.RUNNING));
            Echo echo = client.locate(Echo.class);
            client.locate(KeyValue.class).put("colour", "blue");
            client.locate(Calculator.class).countPrimes(100_000);
            Thread load = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        echo.echo("tick");
                    }
                } catch (RuntimeException e) {
                    // The supervisor stopped under it: the test is over.
                }
            });
            ChromeDriver driver = Browser.start();
            try {
                ConsolePages pages = new ConsolePages(driver).at(console.uri());

                pages.openOverview();
                assertThat(pages.groups()).containsExactly("echo", "kv", "calc");
                pages.awaitStatus("echo", "running");
                pages.screenshot("overview");

                pages.openService("echo");
                pages.awaitChartPoints("calls", 5);
                assertThat(pages.drawnPoints("calls")).isGreaterThanOrEqualTo(3);
                pages.awaitLogLineStartingWith("orrery worker: serving demo.echo at tcp://");
                pages.screenshot("service");

                pages.openNameServer();
                assertThat(pages.nameServerServices()).contains("demo.echo", "demo.kv", "demo.calc");
                pages.screenshot("nameserver");

                pages.openLogs();
                pages.awaitLogLineStartingWith("orrery worker: serving demo.kv");
                pages.screenshot("logs");

                pages.openOverview();
                pages.press("kv", "stop");
                pages.awaitStatus("kv", "stopped");
                assertThat(supervisor.group("kv").orElseThrow().status()).isEqualTo(GroupStatus.STOPPED);
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        supervisor.group("kv").orElseThrow().workers().isEmpty());
                assertThat(pages.browserErrors()).isEmpty();
            } finally {
                load.interrupt();
                driver.quit();
            }
        }
    }
}
