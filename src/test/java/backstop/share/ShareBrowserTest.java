package backstop.share;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.share.fhir.FhirExport;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person downloads their FHIR record and their visit report from the account page, in a real browser. */
class ShareBrowserTest {
    private static final String PASSWORD = "a long enough secret";

    @Test
    void aPersonDownloadsTheirFhirRecordAndVisitReportFromTheAccountPage() throws IOException {
        Path downloads = Files.createTempDirectory("backstop-downloads");
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            browser.signUpAsPerson(server, "dana", PASSWORD);
            User dana = server.services().accounts().findByUsername("dana").orElseThrow();
            Caller asDana = Caller.commandLine(Optional.of(dana));
            var yesterday = server.services().diary().today().minusDays(1);
            server.services()
                    .diary()
                    .save(
                            dana,
                            new CheckIn(
                                    DiaryDay.on(yesterday).painAm(3).painPm(5).build(), CheckInDetails.none()),
                            "check-in",
                            asDana);
            server.services().assessments().submit(dana, ShareFixtures.demoIntake(), asDana);
            ((HasCdp) browser.driver())
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.of("behavior", "allow", "downloadPath", downloads.toString()));

            browser.open(server.url("/account"));
            assertThat(browser.find("#share").getText()).contains("Share with a clinic");
            browser.click("#fhir-export");
            Path fhir = waitForDownload(browser, downloads, ".fhir.json");
            Bundle bundle = FhirExport.context().newJsonParser().parseResource(Bundle.class, Files.readString(fhir));
            assertThat(bundle.getEntry().stream().map(e -> e.getResource().fhirType()))
                    .contains("Patient", "Observation", "QuestionnaireResponse");

            browser.open(server.url("/account"));
            browser.click("#report-download");
            Path pdf = waitForDownload(browser, downloads, ".pdf");
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertThat(new PDFTextStripper().getText(document))
                        .contains("Visit report: dana")
                        .contains("Latest assessment");
            }
        } finally {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Waits until a finished download with this ending is in the folder (Chromium writes .crdownload first). */
    private static Path waitForDownload(Browser browser, Path folder, String ending) {
        return new WebDriverWait(browser.driver(), Browser.WAIT).until(driver -> {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(path -> path.getFileName().toString().endsWith(ending))
                        .filter(path -> path.toFile().length() > 0)
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
