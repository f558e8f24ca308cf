package backstop.share.report;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.json.Json;
import backstop.share.ShareFixtures;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The visit report read back from the PDF: its figures equal the API's for the same range (and the diary's own
 * numbers), a page renders to a picture that is not blank, the font is embedded, and it never claims a diagnosis.
 */
class VisitReportTest {
    @BothDatabases
    void thePdfSaysWhatTheApiSaysForTheSameRange(Database database) throws IOException {
        TestClock clock = TestClock.startingAt("2026-11-30T10:00:00Z");
        try (TestServer server = TestServer.start(
                database, clock, backstop.account.SecuritySettings.defaults(), backstop.web.TrustedProxies.none())) {
            User robin = ShareFixtures.yearOfRecord(server.services(), "robin");
            WebClient client = server.client();
            client.login("robin", ShareFixtures.PASSWORD);
            LocalDate to = server.services().diary().today();
            LocalDate from = to.minusDays(364);
            String range = "?from=" + from + "&to=" + to;
            JsonNode api =
                    Json.mapper().readTree(client.get("/api/v1/report" + range).body());
            HttpResponse<String> pdfResponse = client.get("/api/v1/report.pdf" + range);
            assertThat(pdfResponse.statusCode()).isEqualTo(200);
            assertThat(pdfResponse.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
            byte[] pdf =
                    server.services().reports().pdf(robin, Optional.of(from), Optional.of(to), ShareFixtures.cli());

            String text;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 50);
                assertThat(nonWhiteShare(page)).isGreaterThan(0.02);
                boolean embedded = false;
                for (var name : document.getPage(0).getResources().getFontNames()) {
                    PDFont font = document.getPage(0).getResources().getFont(name);
                    embedded |= font.getName().contains("DejaVuSans") && font.isEmbedded();
                }
                assertThat(embedded).as("DejaVu Sans embedded").isTrue();
            }

            assertThat(text).contains("Visit report: Robin Record");
            assertThat(text)
                    .contains("Dates: " + from + " to " + to + " (365 days; diary filled in on "
                            + api.get("days_recorded").asInt() + " of them)");
            assertThat(text)
                    .contains("Mean morning pain: "
                            + oneDecimal(api.get("mean_morning_pain").asDouble()) + " (on "
                            + api.get("morning_pain_days").asInt() + " days)");
            assertThat(text)
                    .contains("Mean evening pain: "
                            + oneDecimal(api.get("mean_evening_pain").asDouble()) + " (on "
                            + api.get("evening_pain_days").asInt() + " days)");
            assertThat(text).contains("Episodes: " + api.get("episodes").size() + ".");
            assertThat(text).contains("Flare-ups: " + api.get("flares").size() + ".");
            JsonNode adherence = api.get("adherence");
            assertThat(text)
                    .contains(
                            "Sessions planned: " + adherence.get("planned_days").asInt() + ". Sessions done: "
                                    + adherence.get("logged_days").asInt() + " ("
                                    + adherence.get("percent").asInt() + "%)");
            assertThat(adherence.get("logged_days").asInt()).isPositive();
            JsonNode assessment = api.get("assessment");
            for (JsonNode cause : assessment.get("causes")) {
                assertThat(text).contains(cause.get("label").asText());
                assertThat(text).contains("Score " + cause.get("score").asInt());
            }
            assertThat(text).contains("Plan began " + api.get("plan_start").asText());
            api.get("habits")
                    .forEach(habit -> assertThat(text)
                            .contains(String.format(
                                    Locale.ROOT, "%+.2f", habit.get("effect").asDouble())));

            // Outcome measures with their MCID marks, and the referral, as the API gives them.
            assertThat(api.get("measures")).hasSize(2);
            for (JsonNode measure : api.get("measures")) {
                assertThat(text).contains(measure.get("name").asText());
                for (JsonNode point : measure.get("points")) {
                    // Narrow table cells may break a date after its hyphen.
                    assertThat(text.replace("- ", "-"))
                            .contains(point.get("date").asText() + " "
                                    + point.get("score").asText());
                }
            }
            assertThat(text).contains("5.0 of 10", "Much better", "yes, better", "MCID");
            JsonNode referral = api.get("referrals").get(0);
            assertThat(referral.get("kind").asText()).isEqualTo("Trigger-point injection");
            assertThat(text.replace("- ", "-"))
                    .contains(referral.get("referred_on").asText() + ": Trigger-point injection, to Dr Needle")
                    .contains("Outcome: not recorded yet");

            // The diary's own numbers for the same range agree with the report.
            JsonNode diary =
                    Json.mapper().readTree(client.get("/api/v1/diary" + range).body());
            OptionalDouble evening = StreamSupport.stream(diary.spliterator(), false)
                    .filter(day -> day.hasNonNull("pain_pm"))
                    .mapToInt(day -> day.get("pain_pm").asInt())
                    .average();
            assertThat(text).contains("Mean evening pain: " + oneDecimal(evening.getAsDouble()));

            assertThat(text).contains("not a diagnosis").contains("Where the numbers come from");
            assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("diagnosed", "you have ");
        }
    }

    @BothDatabases
    void anEmptyPersonGetsAReportThatSaysSo(Database database) throws IOException {
        TestClock clock = TestClock.startingAt("2026-11-30T10:00:00Z");
        try (TestServer server = TestServer.start(
                database, clock, backstop.account.SecuritySettings.defaults(), backstop.web.TrustedProxies.none())) {
            User ezra = ShareFixtures.emptyPerson(server.services(), "ezra");
            byte[] pdf = server.services().reports().pdf(ezra, Optional.empty(), Optional.empty(), ShareFixtures.cli());
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text)
                        .contains("No assessment was taken by the last of these dates.")
                        .contains("Mean evening pain: not recorded (on 0 days)")
                        .contains("No plan in these dates.");
            }
        }
    }

    @BothDatabases
    void theLatestAssessmentIsShownWhenItIsOlderThanTheDatesAndSaysSo(Database database) throws IOException {
        TestClock clock = TestClock.startingAt("2026-11-30T10:00:00Z");
        try (TestServer server = TestServer.start(
                database, clock, backstop.account.SecuritySettings.defaults(), backstop.web.TrustedProxies.none())) {
            User ezra = ShareFixtures.emptyPerson(server.services(), "ezra");
            server.services().assessments().submit(ezra, ShareFixtures.demoIntake(), ShareFixtures.cli());
            clock.advance(java.time.Duration.ofDays(3));
            LocalDate today = server.services().diary().today();
            byte[] pdf = server.services()
                    .reports()
                    .pdf(ezra, Optional.of(today.minusDays(1)), Optional.of(today), ShareFixtures.cli());
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                        .contains("Taken before these dates, on 2026-11-30.");
            }
        }
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double nonWhiteShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
