package dev.orrery.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's pages as a browser user sees them. It knows only the console's address and the ids and data
 * attributes of its pages, so the same steps run against a console of the scripted supervisor or of a real one.
 */
final class ConsolePages {

    /** Where the screenshots go when {@code -Dorrery.screenshots=DIR} is set. */
    static final String SCREENSHOTS = "orrery.screenshots";

    private final ChromeDriver driver;
    private URI console;

    ConsolePages(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Points the pages at a console. */
    ConsolePages at(URI address) {
        this.console = address;
        return this;
    }

    void openOverview() {
        driver.get(console.resolve("/").toString());
        until("the groups", browser -> !rows().isEmpty());
    }

    /** Opens the overview of a console that has a token, with {@code ?token=} as a user does the first time. */
    void openWithToken(String token) {
        driver.get(console.resolve("/?token=" + token).toString());
        until("the groups", browser -> !rows().isEmpty());
    }

    void openService(String group) {
        driver.get(console.resolve("/services/" + group).toString());
        until("group " + group, browser -> group.equals(text(By.id("group-name")))
                && !browser.findElements(By.cssSelector("#group-status .badge")).isEmpty());
    }

    void openNameServer() {
        driver.get(console.resolve("/nameserver").toString());
        until("the instances", browser ->
                !browser.findElements(By.cssSelector("#ns-instances tr[data-instance]")).isEmpty());
    }

    void openLogs() {
        driver.get(console.resolve("/logs").toString());
        until("log lines", browser -> !logTexts().isEmpty());
    }

    /** Opens a page and waits until it shows a message, such as an error of the API. */
    String openForMessage(String path) {
        driver.get(console.resolve(path).toString());
        until("a message", browser -> !text(By.id("message")).isEmpty());
        return text(By.id("message"));
    }

    /** The groups the overview lists, in order. */
    List<String> groups() {
        return attributes("#groups-body tr[data-group]", "data-group");
    }

    /** A group's status as its overview row shows it. */
    String status(String group) {
        List<String> status = texts("#groups-body tr[data-group='" + group + "'] [data-field='status'] .badge");
        return status.isEmpty() ? "" : status.getFirst();
    }

    /** Presses a group's start, stop or restart button on the overview. */
    void press(String group, String action) {
        row(group).findElement(By.cssSelector("button[data-action='" + action + "']")).click();
    }

    /** Waits until a group's row shows a status. */
    void awaitStatus(String group, String status) {
        until(group + " " + status, browser -> status.equals(status(group)));
    }

    /** How many samples a chart of the service page draws. */
    int chartPoints(String chart) {
        WebElement svg = driver.findElement(By.cssSelector("#chart-" + chart + " svg"));
        return Integer.parseInt(svg.getDomAttribute("data-points"));
    }

    /** The points of a chart's first line, as the SVG draws them. */
    int drawnPoints(String chart) {
        List<WebElement> lines = driver.findElements(By.cssSelector("#chart-" + chart + " svg polyline"));
        if (lines.isEmpty()) {
            return 0;
        }
        String points = lines.getFirst().getDomAttribute("points");
        return points == null || points.isBlank() ? 0 : points.strip().split("\\s+").length;
    }

    /** Waits until a chart draws at least this many samples. */
    void awaitChartPoints(String chart, int count) {
        until(count + " samples in chart " + chart, browser -> chartPoints(chart) >= count);
    }

    /** The texts of the log lines the page shows, oldest first. */
    List<String> logTexts() {
        return texts("#log .line .text");
    }

    /** Waits until the log shows a line. */
    void awaitLogLine(String text) {
        until("the log line '" + text + "'", browser -> logTexts().contains(text));
    }

    /** Waits until the log shows a line that starts with a text. */
    void awaitLogLineStartingWith(String prefix) {
        until("a log line starting '" + prefix + "'", browser -> logTexts().stream()
                .anyMatch(line -> line.startsWith(prefix)));
    }

    /** The services of the instances the name-server page lists. */
    List<String> nameServerServices() {
        return attributes("#ns-instances tr[data-instance]", "data-service");
    }

    /** A figure of the name-server page, such as {@code watches}. */
    String nameServerStat(String key) {
        return text(By.cssSelector("[data-stat='" + key + "'] .value"));
    }

    /** What the browser's console reported as errors since the last time it was asked. */
    List<String> browserErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * Saves the whole page as {@code console-NAME.png} in the directory {@code -Dorrery.screenshots} names; does
     * nothing when it names none.
     */
    void screenshot(String name) {
        String directory = System.getProperty(SCREENSHOTS);
        if (directory == null || directory.isBlank()) {
            return;
        }
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.max(before.getHeight(),
                Math.min(height + 40, 4000))));
        try {
            Path target = Path.of(directory).resolve("console-" + name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /**
     * An attribute of every element a selector matches, read in one step: live pages replace their rows while a
     * test reads them, and a row found in one step may be gone in the next.
     */
    private List<String> attributes(String selector, String attribute) {
        return strings(((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "arguments[0]), element => element.getAttribute(arguments[1]))", selector, attribute));
    }

    /** The text of every element a selector matches, read in one step. */
    private List<String> texts(String selector) {
        return strings(((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "arguments[0]), element => element.textContent)", selector));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#groups-body tr[data-group]"));
    }

    private WebElement row(String group) {
        return driver.findElement(By.cssSelector("#groups-body tr[data-group='" + group + "']"));
    }

    private String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.getFirst().getText();
    }

    private void until(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                    .ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException e) {
            List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
            throw new AssertionError("the page at " + driver.getCurrentUrl() + " did not come to show " + what
                    + " within 10 s; the browser's console said: " + console, e);
        }
    }
}
