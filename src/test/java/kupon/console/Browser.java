package kupon.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven through WebDriver, with the
 * few moves the console's browser tests make: open a page, fill a field, wait for something, save a screenshot.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** A laptop screen, and a tablet held upright: the console must read at both. */
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension TABLET = new Dimension(820, 1180);

    private final WebDriver driver;
    private final String base;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** Skips the browser tests of {@code test} without Chromium, saying so where the build output shows it. */
    static void assumeAvailable(Class<?> test) {
        if (!available()) {
            System.err.println("NOTICE: " + test.getSimpleName() + " is skipped: Chromium is not installed"
                    + " (apt-get install -y chromium chromium-driver; .ci/run does it)");
        }
        Assumptions.assumeTrue(available(), "chromium and chromium-driver are not installed: the browser tests did not run");
    }

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container Chromium has no sandbox to run in, and /dev/shm is small.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String css, String visibleValue) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(visibleValue);
    }

    void click(String css) {
        WebElement element = find(css);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits up to ten seconds for the element to be shown, and returns it. */
    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits for the element's text to read {@code expected}, however often the page swaps the element in the meantime. */
    void waitForText(String css, String expected, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage(() -> css + " to read '" + expected + "'; it reads '" + textOf(css) + "'")
                .until(d -> expected.equals(textOf(css)));
    }

    private String textOf(String css) {
        return (String) script("var e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css);
    }

    /** Waits up to ten seconds for the browser to arrive at a path starting so (a form's redirect), and returns the path. */
    String waitForPath(String start) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "a page at " + start + "; at " + path())
                .until(d -> path().startsWith(start) ? path() : null);
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The element that has the keyboard focus, as a CSS-like description. */
    String focused() {
        return (String) script("var e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');");
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** True when the page fits the window's width: nothing to scroll sideways but inside a table's own scroller. */
    boolean fitsWidth() {
        // Charts redraw at a new width a moment after the window changes: give the layout up to three seconds to settle.
        try {
            return waitUntil(d -> (Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth + 1;") ? Boolean.TRUE : null,
                    Duration.ofSeconds(3));
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Saves the whole window as target/console-screenshots/{name}.png. */
    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(target)).as("screenshot " + name).isGreaterThan(1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the page at laptop width, then checks that it fits a tablet held upright and saves that too. */
    void shoot(String name) {
        screenshot(name);
        resize(TABLET);
        assertThat(fitsWidth()).as(name + " fits a tablet's width without sideways scrolling").isTrue();
        screenshot(name + "-tablet");
        resize(LAPTOP);
    }

    /** What the page gets when it fetches {@code href} itself, with its own session cookie, as a download link would. */
    String fetchText(String href) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0]).then(function (r) { return r.ok ? r.text() : 'HTTP ' + r.status; })"
                        + ".then(done, function (e) { done('failed: ' + e); });", href);
    }

    /** Opens the sign-in page and signs in with the key, landing on the dashboard. */
    void signIn(String key) {
        open("/console/sign-in");
        type("#key", key);
        click("button[type=submit]");
        waitFor("nav[aria-label=Sections]");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
