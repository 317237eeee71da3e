package dev.orrery.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's Chromium and chromedriver, driven headless, for the browser tests. Both are found on the machine
 * (the system properties {@code orrery.chromium} and {@code orrery.chromedriver} name them, else the usual names
 * on the PATH); nothing is downloaded.
 */
final class Browser {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> DRIVERS = List.of("chromedriver");

    private Browser() {
    }

    /** The browser's executable, or empty when the machine has none. */
    static Optional<Path> chromium() {
        return find("orrery.chromium", BROWSERS);
    }

    /** The driver's executable, or empty when the machine has none. */
    static Optional<Path> chromedriver() {
        return find("orrery.chromedriver", DRIVERS);
    }

    /**
     * Why the browser tests cannot run here.
     *
     * @return the reason, or empty when both executables are there
     */
    static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        if (chromium().isEmpty()) {
            absent.add("Chromium (" + String.join(", ", BROWSERS) + ")");
        }
        if (chromedriver().isEmpty()) {
            absent.add("chromedriver");
        }
        return absent.isEmpty() ? Optional.empty() : Optional.of("the browser tests need " + String.join(" and ",
                absent) + " on the PATH; on Debian: apt-get install chromium chromium-driver");
    }

    /**
     * Starts a headless Chromium through the system's chromedriver.
     *
     * @return the driver
     */
    static ChromeDriver start() {
        // Selenium Manager is only asked when a path is missing; both are given, and its statistics are off anyway.
        System.setProperty("SE_AVOID_STATS", "true");
        String driver = chromedriver().orElseThrow().toString();
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driver);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium().orElseThrow().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1360,900", "--lang=en-GB", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    private static Optional<Path> find(String property, List<String> names) {
        String named = System.getProperty(property);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin"
                + File.pathSeparator + "/usr/lib/chromium";
        for (String name : names) {
            for (String directory : pathVariable.split(File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
