package org.hse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.hse.api.ApiClient.Reply;
import org.hse.api.platform.DemoData;
import org.hse.api.platform.ResponseHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The docs page ({@code /docs/}, Swagger UI) as a person uses it, on the packaged WAR started the
 * README's way ({@code -P run}: the root context, the demo data and the demo users): headless
 * Chromium opens {@code /docs}, logs in through the "Authorize" dialog as {@code alice}, runs the
 * README's seed index of incident-action with "Try it out" and "Execute", and sees 200 and the demo
 * links in the page; the screenshot is {@code target/docs-screenshot.png}. The page's files, types
 * and policy, and the token endpoint's HTTP Basic client authentication (what Swagger UI sends),
 * are checked on the wire.
 *
 * <p>Not Arquillian: the page needs the WAR at the root context, where Payara serves {@code
 * /openapi} and where the document's relative server and token URL point, and the demo users and
 * data, which the Arquillian tests' environment (test users, no demo) does not have.
 *
 * <p>The browser is the Debian package's ({@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs when missing); {@code -Ddocs.chromium} and {@code -Ddocs.chromedriver}
 * name others. Without them the browser test fails under CI and is skipped with a banner elsewhere
 * ({@link Prerequisite}).
 */
@ExtendWith(ReadmeServer.class)
class DocsPageIT {

  static final Path CHROMIUM = Path.of(System.getProperty("docs.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("docs.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOT = Path.of("target", "docs-screenshot.png");
  static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * The container's type of {@code .js} files, which the start script shares: Payara 6 says {@code
   * application/javascript}; RFC 9239 prefers {@code text/javascript}, which newer containers say.
   */
  static final String JAVASCRIPT = "(application|text)/javascript;charset=UTF-8";

  /** The README's first search, as typed into the request body of "Try it out". */
  static final String SEED_INDEX =
      "{\"filter\": {\"office_incident_id\": \""
          + DemoData.FORKLIFT_COLLISION
          + "\"}, \"per-page\": 20, \"page\": 1, \"sort\": \"action_name\"}";

  static URI base;
  static ApiClient anonymous;

  @BeforeAll
  static void client() {
    base = ReadmeServer.base();
    anonymous = new ApiClient(base, null);
  }

  @Test
  void docsRedirectsToThePageWhoseFilesAnswerWithTheirTypes() {
    Reply bare = anonymous.get("docs");
    assertEquals(301, bare.status(), bare.toString());
    assertEquals(base.resolve("docs/").toString(), bare.header("Location").orElseThrow());

    Reply page = anonymous.get("docs/");
    assertEquals(200, page.status(), page.toString());
    assertEquals("text/html;charset=UTF-8", page.header("Content-Type").orElseThrow());
    assertEquals(ResponseHeaders.DOCS_POLICY, page.header("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
    assertTrue(page.body().contains("<script src=\"./swagger-initializer.js\""), page.body());
    assertFalse(page.body().matches("(?s).*<script>.*"), "no inline script");

    Map<String, String> types =
        Map.of(
            "swagger-ui-bundle.js",
            JAVASCRIPT,
            "swagger-ui-standalone-preset.js",
            JAVASCRIPT,
            "swagger-ui.css",
            "text/css;charset=UTF-8",
            "index.css",
            "text/css;charset=UTF-8",
            "favicon-32x32.png",
            "image/png",
            "swagger-initializer.js",
            JAVASCRIPT);
    types.forEach(
        (file, type) -> {
          Reply reply = anonymous.get("docs/" + file);
          assertEquals(200, reply.status(), file);
          String answered = reply.header("Content-Type").orElseThrow();
          assertTrue(answered.matches(type), file + ": " + answered);
          assertEquals(
              ResponseHeaders.DOCS_POLICY,
              reply.header("Content-Security-Policy").orElseThrow(),
              file);
        });
    assertTrue(anonymous.get("docs/swagger-ui-bundle.js").body().length() > 1_000_000);
    String start = anonymous.get("docs/swagger-initializer.js").body();
    assertTrue(
        start.startsWith("const docsSettings = {\"document\":\"/openapi\",\"clientId\":\"api\"};"),
        start);
    assertTrue(start.contains("initOAuth"), start);

    for (String missing : List.of("docs/nothing.js", "docs/.hidden", "docs/a/b")) {
      Reply reply = anonymous.get(missing);
      assertEquals(404, reply.status(), missing + ": " + reply);
      assertEquals("application/json", reply.header("Content-Type").orElseThrow(), missing);
    }
    // an encoded slash is refused by the container itself (its HTML page), before the resource
    Reply traversal = anonymous.get("docs/..%2FWEB-INF%2Fbeans.xml");
    assertEquals(404, traversal.status(), traversal.toString());
    assertFalse(traversal.body().contains("bean-discovery-mode"), traversal.body());
  }

  /**
   * Swagger UI's "Authorize" sends the client as HTTP Basic ({@code api:}, an empty secret) by
   * default, or {@code client_id} in the form ("Request body"): both log in, a secret is not
   * checked (a public client, as in Keycloak), another client or a mismatch is {@code
   * invalid_client}.
   */
  @Test
  void theTokenEndpointTakesTheClientFromHttpBasicAsSwaggerUiSendsIt() {
    assertEquals(200, token(basic("api:"), null).status());
    assertEquals(200, token(basic("api:whatever"), null).status());
    assertEquals(200, token(basic("api:"), "api").status());
    assertEquals(200, token(null, "api").status());
    assertEquals(200, token(basic("%61pi:"), null).status(), "form-urlencoded, RFC 6749 2.3.1");
    for (String refused : List.of(basic("web:"), basic("api"), "Basic !!!")) {
      Reply reply = token(refused, null);
      assertEquals(401, reply.status(), refused);
      assertEquals("invalid_client", reply.json().getString("error"), refused);
    }
    Reply mismatch = token(basic("api:"), "web");
    assertEquals(401, mismatch.status(), mismatch.toString());
    assertEquals("invalid_client", mismatch.json().getString("error"));
    Reply none = token(null, null);
    assertEquals(400, none.status(), none.toString());
    assertEquals("invalid_request", none.json().getString("error"));
  }

  @Test
  void aPersonLogsInOnTheDocsPageAndRunsTheSeedIndex() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw Prerequisite.missing(
          "DOCS PAGE TEST CANNOT RUN: "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing. Install them with `apt-get install -y chromium chromium-driver`"
              + " (.ci/run does), or name others with -Ddocs.chromium and -Ddocs.chromedriver.");
    }
    WebDriver browser = browser();
    try {
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      browser.get(base.resolve("docs").toString());
      assertEquals(base.resolve("docs/").toString(), browser.getCurrentUrl());

      // Authorize: the password flow with the demo writer, Swagger UI's defaults otherwise
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector(".scheme-container button.authorize")))
          .click();
      WebElement username =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_username")));
      username.sendKeys("alice");
      browser.findElement(By.id("oauth_password")).sendKeys("demo-alice-pass");
      WebElement oauth2 =
          username.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
      oauth2.findElement(By.xpath(".//button[normalize-space()='Authorize']")).click();
      wait.until(
          ExpectedConditions.presenceOfNestedElementLocatedBy(
              oauth2, By.xpath(".//button[normalize-space()='Logout']")));
      assertTrue(oauth2.getText().contains("Authorized"), oauth2.getText());
      assertEquals(
          "basic",
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return window.ui.authSelectors.authorized().getIn(['oauth2', 'passwordType'])"),
          "the client went as HTTP Basic, Swagger UI's default");
      browser.findElement(By.cssSelector(".modal-ux button.btn-done")).click();

      // Try it out on the seed index, with the README's body
      WebElement operation =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.xpath(
                      "//div[contains(@class,'opblock-post')]"
                          + "[.//*[@data-path='/v2/incident-action/index']]")));
      scrollTo(browser, operation);
      operation.findElement(By.cssSelector(".opblock-summary-control")).click();
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  operation.findElement(By.cssSelector("button.try-out__btn"))))
          .click();
      WebElement body =
          wait.until(
              ExpectedConditions.visibilityOf(
                  operation.findElement(By.cssSelector("textarea.body-param__text"))));
      body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      body.sendKeys(SEED_INDEX);
      operation.findElement(By.cssSelector("button.execute")).click();

      WebElement status =
          wait.until(
                  ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                      operation,
                      By.cssSelector(".live-responses-table tr.response .response-col_status")))
              .get(0);
      WebElement answer =
          operation.findElement(
              By.cssSelector(".live-responses-table tr.response .response-col_description"));
      scrollTo(browser, status);
      Files.copy(
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOT,
          StandardCopyOption.REPLACE_EXISTING);
      assertEquals("200", status.getText().strip(), answer.getText());
      String shown = answer.getText();
      assertTrue(shown.contains(DemoData.FORKLIFT_COLLISION), shown);
      assertTrue(shown.contains("\"project_name\": \"Acme Manufacturing\""), shown);
      assertTrue(shown.contains("x-pagination-total-count"), shown);
      String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
      assertTrue(curl.contains("Authorization: Bearer "), curl);

      List<String> refusedByPolicy =
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(LogEntry::getMessage)
              .filter(message -> message.contains("Content Security Policy"))
              .toList();
      assertEquals(List.of(), refusedByPolicy, "the page's policy refused nothing it needs");
    } finally {
      browser.quit();
    }
  }

  /** Headless Chromium of the Debian package, with a fresh profile, as root in a container. */
  private static WebDriver browser() throws Exception {
    Path profile =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "docs-page")), "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1400",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(Path.of("target", "docs-page", "chromedriver.log").toFile())
            .build();
    return new ChromeDriver(service, options);
  }

  private static void scrollTo(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private static Reply token(String authorization, String clientId) {
    StringBuilder form =
        new StringBuilder("grant_type=password&username=alice&password=demo-alice-pass&scope=");
    if (clientId != null) {
      form.append("&client_id=").append(ApiClient.enc(clientId));
    }
    return anonymous.send(
        "POST",
        "realms/hse/protocol/openid-connect/token",
        form.toString(),
        "application/x-www-form-urlencoded",
        authorization == null ? Map.of() : Map.of("Authorization", authorization));
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
