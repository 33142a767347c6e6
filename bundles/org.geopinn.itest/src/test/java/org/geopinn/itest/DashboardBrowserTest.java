package org.geopinn.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geopinn.api.GeopinnException;
import org.geopinn.api.problem.Problem;
import org.geopinn.api.session.OptimizerStage;
import org.geopinn.api.session.Session;
import org.geopinn.api.session.SessionState;
import org.geopinn.api.session.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver, paths given so
 * that Selenium downloads nothing), against a host with the dashboard feature and a training
 * session: the page loads, the loss curve gains points while the session trains, a bad optimizer
 * text shows the one-line error the command line gives, Stop stops the session, and requests
 * without the token are refused.
 */
class DashboardBrowserTest {
    /**
     * How long a step of the page may take: a bound for a failure, not a timing. Chromium, the
     * host and the training share the machine; under heavy load a page update took tens of seconds.
     */
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "browser-test-token";
    private static final Path CHROMIUM = Path.of(System.getProperty("geopinn.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("geopinn.chromedriver", "/usr/bin/chromedriver"));
    private static TestHost host;
    private static int port;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser tests need Debian's chromium and "
                + "chromium-driver at " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them with apt-get)");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> features = new ArrayList<>(TestHost.FEATURES);
        features.add("dashboard");
        host = TestHost.start(b -> b.features(features).property("org.osgi.service.http.port", Integer.toString(port))
                .property("geopinn.dashboard.token", TOKEN));
        profile = Files.createTempDirectory("geopinn-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root in a container, without the network: no sandbox, no GPU, no background traffic
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.close();
        }
    }

    private static String page() {
        return "http://127.0.0.1:" + port + "/geopinn/?token=" + TOKEN;
    }

    private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        // the session list is redrawn as steps go by: an element found a moment ago may be gone
        WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class).withMessage(DashboardBrowserTest::pageState);
        return wait.until(condition);
    }

    /** What the page shows, for the message of a wait that timed out. */
    private static String pageState() {
        try {
            return "page: loss-chart " + points("loss-chart") + " points, error-chart " + points("error-chart") + " points, step "
                    + browser.findElement(By.id("step")).getText() + ", connection " + browser.findElement(By.id("connection")).getText();
        } catch (RuntimeException e) {
            return "page state unreadable: " + e;
        }
    }

    private static int points(String chart) {
        return Integer.parseInt(browser.findElement(By.id(chart)).getAttribute("data-points"));
    }

    @Test
    void thePageFollowsASessionAndSteersIt() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        // the reference error measured every 100 steps, for the error curve
        // a time budget far beyond the test's waits: on a loaded machine the session must still be
        // training when the page swaps its optimizer and stops it
        Session s = training.start(Sessions.quick(laplace, "adam").toBuilder().hidden(16).errorEvery(100).timeBudgetSeconds(3600).maxSteps(1_000_000_000L).build());
        Sessions.awaitSteps(s, 3, WAIT);

        browser.get(page());
        waitFor(d -> {
            d.findElement(By.id("session-" + s.id())).click();
            return true;
        });
        waitFor(d -> d.findElement(By.id("title")).getText().contains(s.id()));
        assertEquals("Session " + s.id() + ": laplace2d", browser.findElement(By.id("title")).getText());

        // the loss curve gains points while the session trains
        int first = waitFor(d -> points("loss-chart") > 0 ? points("loss-chart") : null);
        waitFor(d -> points("loss-chart") > first + 5);
        waitFor(d -> points("error-chart") > 1);
        assertEquals("adam", browser.findElement(By.id("optimizer")).getText());
        waitFor(d -> !d.findElements(By.cssSelector("#maps canvas")).isEmpty());
        assertEquals(2, browser.findElements(By.cssSelector("#maps canvas")).size(), "solution and error of the one field");

        // a bad optimizer text shows the one-line error of the command line and swaps nothing
        String expected = assertThrows(GeopinnException.class, () -> OptimizerStage.parseChain("adam(lr=")).getMessage();
        swap("adam(lr=");
        WebElement message = browser.findElement(By.id("control-message"));
        waitFor(d -> message.getText().equals(expected));
        assertEquals("error", message.getAttribute("class"));
        String unknown = assertThrows(GeopinnException.class, () -> s.swapOptimizer("no-such-optimizer", Map.of())).getMessage();
        swap("no-such-optimizer");
        waitFor(d -> message.getText().equals(unknown));
        assertEquals("adam", s.optimizerId());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // a good one is taken
        swap("gd(lr=1e-4)");
        waitFor(d -> message.getText().startsWith("session " + s.id() + ": optimizer gd"));
        assertTrue(TestHost.waitUntil(() -> "gd".equals(s.optimizerId()), WAIT), s.optimizerId());

        // Stop stops it
        browser.findElement(By.id("stop")).click();
        assertEquals(SessionState.STOPPED, s.await(WAIT));
        waitFor(d -> d.findElement(By.id("state")).getText().equals("stopped"));
        int atStop = points("loss-chart");
        Thread.sleep(1000);
        assertEquals(atStop, points("loss-chart"), "no points after the stop");
        assertTrue(!browser.findElement(By.id("pause")).isEnabled(), "the controls of an ended session are off");
    }

    private static void swap(String text) {
        WebElement chain = browser.findElement(By.id("chain"));
        chain.clear();
        chain.sendKeys(text);
        browser.findElement(By.id("swap")).click();
    }

    @Test
    void stateChangingRequestsNeedTheTokenAndOnlyThePageIsServed() throws Exception {
        TrainingService training = host.service(TrainingService.class, null, WAIT);
        Problem laplace = host.service(Problem.class, "laplace2d", WAIT);
        Session s = training.start(Sessions.quick(laplace, "adam"));
        try {
            Sessions.awaitSteps(s, 1, WAIT);
            HttpClient http = HttpClient.newHttpClient();
            String form = "session=" + s.id() + "&action=stop";
            assertEquals(403, post(http, form, null).statusCode());
            assertEquals(403, post(http, form, "not-the-token").statusCode());
            assertEquals(403, post(http, form, TOKEN + "x").statusCode());
            assertTrue(s.state() == SessionState.RUNNING || s.state() == SessionState.STARTING, s.state() + ": still training");
            assertEquals(405, get(http, "/geopinn/api/control").statusCode(), "no state change by GET");

            assertEquals(404, get(http, "/geopinn/static/").statusCode(), "no directory listing");
            assertEquals(404, get(http, "/geopinn/static/..%2F..%2FMETA-INF%2FMANIFEST.MF").statusCode());
            assertEquals(404, get(http, "/geopinn/static/org/geopinn/dashboard/Dashboard.class").statusCode());
            assertEquals(404, get(http, "/geopinn/api/nothing").statusCode());
            assertEquals(200, get(http, "/geopinn/static/uPlot.iife.min.js").statusCode());

            HttpResponse<String> ok = post(http, form, TOKEN);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(SessionState.STOPPED, s.await(WAIT));
        } finally {
            s.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String form, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/geopinn/api/control"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            b.header("X-Geopinn-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
