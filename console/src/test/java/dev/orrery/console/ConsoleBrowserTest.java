package dev.orrery.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.supervisor.ConsoleSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages in a real headless Chromium: they show the groups, act on them, chart them, and follow the log without
 * a reload. Skipped, with the reason, on a machine without Chromium and chromedriver.
 *
 * <p>{@code -Dorrery.screenshots=DIR} saves a picture of each page in DIR.
 */
@Timeout(60)
class ConsoleBrowserTest {

    private static LiveServices services;
    private static ChromeDriver driver;
    private ConsoleUnderTest console;
    private ConsolePages pages;

    @BeforeAll
    static void startBrowser() {
        if (Browser.missing().isEmpty()) {
            services = LiveServices.start();
            driver = Browser.start();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (services != null) {
            services.close();
        }
    }

    @BeforeEach
    void startConsole() {
        assumeTrue(driver != null, () -> Browser.missing().orElseThrow());
        console = ConsoleUnderTest.start(services);
        pages = new ConsolePages(driver).at(console.console.uri());
    }

    @AfterEach
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void shouldShowEveryGroupOnTheOverview() {
        pages.openOverview();

        assertThat(pages.groups()).containsExactly("echo", "kv", "calc");
        assertThat(pages.status("echo")).isEqualTo("running");
        pages.screenshot("overview");
        assertThat(pages.browserErrors()).isEmpty();
    }

    @Test
    void shouldStopAGroupWithItsButtonAndShowItStopped() {
        pages.openOverview();

        pages.press("kv", "stop");

        pages.awaitStatus("kv", "stopped");
        assertThat(console.supervisor.actions()).containsExactly("stop kv");
        assertThat(pages.status("echo")).isEqualTo("running");
    }

    @Test
    void shouldShowAGroupTurnedStoppedElsewhereWithoutAReload() {
        pages.openOverview();

        console.supervisor.stop("calc");

        pages.awaitStatus("calc", "stopped");
    }

    @Test
    void shouldLetABrowserInWithTheTokenOnceAndKeepItInThroughTheCookie() {
        String token = "a-token-for-the-browser-test";
        try (ConsoleUnderTest guarded = ConsoleUnderTest.start(services.supervisor(),
                new ConsoleSettings("127.0.0.1", 0, Optional.of(token)), ConsoleUnderTest.LIMITS)) {
            ConsolePages inside = new ConsolePages(driver).at(guarded.console.uri());

            inside.openWithToken(token);
            assertThat(inside.groups()).containsExactly("echo", "kv", "calc");
            inside.press("echo", "stop");
            inside.awaitStatus("echo", "stopped");
            guarded.supervisor.start("echo");
            inside.awaitStatus("echo", "running");

            assertThat(guarded.supervisor.actions()).containsExactly("stop echo", "start echo");
            assertThat(driver.getCurrentUrl()).doesNotContain(token);
        }
    }

    @Test
    void shouldChartAGroupAndFollowItsLogLive() {
        pages.openService("echo");
        pages.awaitChartPoints("calls", 120);
        assertThat(pages.drawnPoints("calls")).isEqualTo(120);
        assertThat(pages.drawnPoints("latency")).isEqualTo(120);

        console.supervisor.sample("echo", 900);
        console.supervisor.log("echo", "stdout", "a line written after the page loaded");

        pages.awaitChartPoints("calls", 121);
        pages.awaitLogLine("a line written after the page loaded");
        pages.screenshot("service");
        assertThat(pages.browserErrors()).isEmpty();
    }

    @Test
    void shouldSayWhenAGroupDoesNotExist() {
        assertThat(pages.openForMessage("/services/nope"))
                .isEqualTo("no service group 'nope'; the groups are echo, kv, calc");
        pages.browserErrors();
    }

    @Test
    void shouldListTheNameServersInstances() {
        pages.openNameServer();

        assertThat(pages.nameServerServices()).containsExactlyInAnyOrderElementsOf(LiveServices.SERVICES);
        assertThat(pages.nameServerStat("instances")).isEqualTo("3");
        pages.screenshot("nameserver");
        assertThat(pages.browserErrors()).isEmpty();
    }

    @Test
    void shouldFollowTheLogOfEveryGroup() {
        pages.openLogs();
        assertThat(pages.logTexts()).contains("demo.echo registered at tcp://127.0.0.1:40123",
                "countPrimes(10000000) took 812 ms");

        for (String group : List.of("kv", "calc")) {
            console.supervisor.log(group, "stdout", "live line of " + group);
        }

        pages.awaitLogLine("live line of kv");
        pages.awaitLogLine("live line of calc");
        pages.screenshot("logs");
        assertThat(pages.browserErrors()).isEmpty();
    }
}
