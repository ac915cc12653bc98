package io.outsidein.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver, pointed at one gateway's console.
 * The packages are installed by ./test.sh (as CI runs it); without them this says so.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final String console;

  private Browser(ChromeDriver driver, String gateway) {
    this.driver = driver;
    this.console = gateway + "/console/";
  }

  /** A wait of its own each time: a wait's message would otherwise stay for the next one. */
  private WebDriverWait waiting(Supplier<String> what) {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
    wait.withMessage(() -> what.get() + "; the page says: " + mainText());
    return wait;
  }

  static Browser start(String gateway) {
    assertThat(CHROMIUM)
        .as("Debian's chromium (./test.sh installs it: apt-get install chromium chromium-driver)")
        .exists();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver (./test.sh installs it)").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=en-GB");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), gateway);
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Signs in on the sign-in page as the demo person with {@code role}. */
  void signInAs(String role) {
    driver.get(console);
    click(By.cssSelector("button[data-role='" + role + "']"));
    waitFor(By.cssSelector("#who .role"));
    assertThat(text(By.cssSelector("#who .role"))).isEqualTo(role);
  }

  /** Signs in through the identity provider, which sends the browser back signed in. */
  void signInWithCompanyAccount() {
    driver.get(console);
    click(By.xpath("//button[.='Sign in with your company account']"));
    waitFor(By.cssSelector("#who .role"));
  }

  /** Signs out and forgets the session, so the next test starts at the sign-in page. */
  void reset() {
    driver.get(console);
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
  }

  void search(String text) {
    driver.get(console + "#/customers");
    WebElement box = waitFor(By.cssSelector("input[type=search]"));
    box.clear();
    box.sendKeys(text, Keys.ENTER);
  }

  void openCustomer(UUID id) {
    driver.get(console + "#/customers/" + id);
  }

  /** Leaves the console, so that the next address loads it afresh rather than moving within it. */
  void leave() {
    driver.get("about:blank");
  }

  /** Runs {@code script} in the page and returns what it returns. */
  Object run(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Waits until {@code script}, run in the page, returns true. */
  void waitUntil(String script, Object... arguments) {
    waiting(() -> script).until(d -> Boolean.TRUE.equals(run(script, arguments)));
  }

  /** The form labelled {@code label}; within the open case {@code caseSubject} when given. */
  WebElement form(String label) {
    return waitFor(By.cssSelector("form[aria-label='" + label + "']"));
  }

  WebElement form(String caseSubject, String label) {
    return waitFor(
        By.xpath(
            "//li[contains(@class,'case')][.//h4[.='"
                + caseSubject
                + "']]//form[@aria-label='"
                + label
                + "']"));
  }

  /** A form that appears once the services have caught up: the page is reloaded until it does. */
  WebElement formAfterReloads(String label) {
    By form = By.cssSelector("form[aria-label='" + label + "']");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (driver.findElements(form).isEmpty() && System.nanoTime() < deadline) {
      driver.navigate().refresh();
      waitFor(By.cssSelector("main h2"));
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return waitFor(form);
  }

  /** Pages through a list with its "Show more" button until {@code target} is on the page. */
  void showMoreUntil(By target) {
    waitFor(By.cssSelector("main .queue"));
    By more = By.xpath("//main//button[.='Show more']");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (driver.findElements(target).isEmpty() && System.nanoTime() < deadline) {
      waiting(() -> target + " or Show more")
          .until(d -> !d.findElements(target).isEmpty() || !d.findElements(more).isEmpty());
      if (driver.findElements(target).isEmpty()) {
        click(more);
      }
    }
    waitFor(target);
  }

  By caseItem(String caseSubject, String css) {
    return By.xpath(
        "//li[contains(@class,'case')][.//h4[.='"
            + caseSubject
            + "']]//*[contains(concat(' ',normalize-space(@class),' '),' "
            + css.substring(1)
            + " ')]");
  }

  void choose(WebElement form, String name, String value) {
    new Select(form.findElement(By.name(name))).selectByValue(value);
  }

  void type(WebElement form, String name, String value) {
    WebElement input = form.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  void submit(WebElement form) {
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  void click(By target) {
    waiting(() -> target + " clickable")
        .until(ExpectedConditions.elementToBeClickable(target))
        .click();
  }

  WebElement waitFor(By target) {
    return waiting(() -> target + " visible")
        .until(ExpectedConditions.visibilityOfElementLocated(target));
  }

  void waitForText(By target, String text) {
    waiting(() -> "\"" + text + "\" in " + target)
        .until(ExpectedConditions.textToBePresentInElementLocated(target, text));
  }

  void waitUntilGone(By target) {
    waiting(() -> target + " gone").until(ExpectedConditions.numberOfElementsToBe(target, 0));
  }

  WebElement find(By target) {
    return driver.findElement(target);
  }

  List<WebElement> findAll(By target) {
    return driver.findElements(target);
  }

  String text(By target) {
    return driver.findElement(target).getText();
  }

  /** Text of an element that may be hidden (a closed details' table, for screen readers). */
  String textContent(By target) {
    return driver.findElement(target).getAttribute("textContent");
  }

  String url() {
    return driver.getCurrentUrl();
  }

  String sessionStorage() {
    return String.valueOf(
        ((JavascriptExecutor) driver).executeScript("return JSON.stringify(sessionStorage)"));
  }

  void replaceCredential(String credential) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "const key = 'outsidein.console.session';"
                + "const s = JSON.parse(sessionStorage.getItem(key));"
                + "s.credential = arguments[0];"
                + "sessionStorage.setItem(key, JSON.stringify(s));",
            credential);
    driver.navigate().refresh();
  }

  long horizontalOverflow() {
    return (Long)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth");
  }

  void tab() {
    driver.navigate().refresh();
    waitFor(By.cssSelector("main h2"));
    new Actions(driver).sendKeys(Keys.TAB).perform();
  }

  String focusedText() {
    return driver.switchTo().activeElement().getText();
  }

  /** axe-core in the page: no serious or critical violation of WCAG 2.1 A and AA. */
  void assertAccessible(String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
            .toList();
    assertThat(blocking)
        .as(
            "serious or critical accessibility violations on the %s: %s",
            page,
            blocking.stream()
                .map(
                    rule ->
                        rule.getId()
                            + " ("
                            + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", "))
                            + ")")
                .collect(Collectors.joining("; ")))
        .isEmpty();
    assertThat(results.getPasses()).as("axe ran its checks").isNotEmpty();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A screenshot as tall as the page (up to 3,000 pixels), at the window's width. */
  void screenshotOfTheWholePage(String name) {
    Dimension window = driver.manage().window().getSize();
    long page = (Long) run("return document.documentElement.scrollHeight");
    long chrome = window.getHeight() - (Long) run("return window.innerHeight");
    driver
        .manage()
        .window()
        .setSize(new Dimension(window.getWidth(), (int) Math.min(3000, page + chrome)));
    try {
      // The charts redraw for the new size on the next frame.
      waitUntil("return new Promise((done) => requestAnimationFrame(() => done(true)))");
      screenshot(name);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  private String mainText() {
    try {
      return driver.findElement(By.id("main")).getText().replace('\n', ' ');
    } catch (RuntimeException e) {
      return "(no page)";
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
