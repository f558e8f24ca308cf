package backstop.diary;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test: the measurement behind docs/performance.md ("Check-in on a throttled phone"), run by
 * {@code tools/measure_checkin.sh}; skipped unless {@code -Dbackstop.measure=true}. Loads the check-in page in
 * headless Chromium at 390 × 844 under Lighthouse's mobile profile through the DevTools protocol (150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4×), cold (cache off) and warm, and writes what it finds to
 * {@code target/checkin-page-weight.txt}.
 */
class CheckInPageWeight {
    private static final int RUNS = 5;

    @Test
    void measure() throws IOException {
        assumeTrue(Boolean.getBoolean("backstop.measure"), "a measurement, run by tools/measure_checkin.sh");
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            browser.signUpAsPerson(server, "dana", "correct horse battery");
            String url = server.url("/diary/" + server.services().diary().today());
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand(
                    "Network.emulateNetworkConditions",
                    Map.of(
                            "offline",
                            false,
                            "latency",
                            150,
                            "downloadThroughput",
                            1_600_000 / 8,
                            "uploadThroughput",
                            750_000 / 8));
            chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            List<String> lines = new ArrayList<>();
            lines.add("Check-in page " + url.replaceAll("http://[^/]+", "") + ", 390x844, 150 ms RTT, 1.6/0.75 Mbit/s,"
                    + " CPU 4x slower; " + RUNS + " runs each, median (min-max)");
            for (boolean cold : new boolean[] {true, false}) {
                chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cold));
                List<double[]> runs = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    browser.open(url);
                    browser.find("#save-checkin");
                    runs.add(timings(browser));
                }
                lines.add((cold ? "cold (no cache): " : "warm (cached):   ") + summary(runs));
            }
            Path out = Path.of("target", "checkin-page-weight.txt");
            Files.write(out, lines);
            lines.forEach(System.out::println);
        }
    }

    /** Transferred bytes, decoded bytes, requests, DOM interactive, DOMContentLoaded end (ms), load end (ms). */
    private static double[] timings(Browser browser) {
        @SuppressWarnings("unchecked")
        List<Number> values = (List<Number>) ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const finish = () => { const n = performance.getEntriesByType('navigation')[0];"
                        + " const r = performance.getEntriesByType('resource');"
                        + " const bytes = r.reduce((s, e) => s + e.transferSize, n.transferSize);"
                        + " const decoded = r.reduce((s, e) => s + e.decodedBodySize, n.decodedBodySize);"
                        + " done([bytes, decoded, r.length + 1, n.domInteractive, n.domContentLoadedEventEnd,"
                        + " n.loadEventEnd]); };"
                        + "if (document.readyState === 'complete') setTimeout(finish, 0);"
                        + " else window.addEventListener('load', () => setTimeout(finish, 0));");
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i).doubleValue();
        }
        return result;
    }

    private static String summary(List<double[]> runs) {
        String[] names = {
            "transferred", "decoded", "requests", "DOM interactive", "interactive (DOMContentLoaded end)", "load end"
        };
        String[] units = {" KB", " KB", "", " ms", " ms", " ms"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int column = i;
            double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
            double scale = units[i].equals(" KB") ? 1024 : 1;
            parts.add(names[i] + " " + format(values[values.length / 2] / scale) + units[i] + " ("
                    + format(values[0] / scale) + "-" + format(values[values.length - 1] / scale) + ")");
        }
        return String.join(", ", parts);
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
