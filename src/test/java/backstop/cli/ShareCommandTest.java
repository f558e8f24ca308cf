package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backstop fhir export|import} and {@code backstop report} as a person types them. */
class ShareCommandTest {
    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        CommandLine commandLine = BackstopCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aRecordIsExportedImportedIntoAnotherAccountAndReportedAsPdf() throws IOException {
        String db = "sqlite:" + folder.resolve("cli.db");
        Path csv = folder.resolve("diary.csv");
        Files.writeString(csv, "date,pain_am,pain_pm\n2026-03-01,3,5\n2026-03-02,2,4\n", StandardCharsets.UTF_8);
        assertThat(run("user", "add", "dana", "--db", db).exitCode()).isZero();
        assertThat(run("user", "add", "eli", "--db", db).exitCode()).isZero();
        assertThat(run("diary", "import", csv.toString(), "--user", "dana", "--db", db)
                        .exitCode())
                .isZero();

        Path bundle = folder.resolve("dana.fhir.json");
        Run export = run("fhir", "export", "--user", "dana", "--out", bundle.toString(), "--db", db);
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readString(bundle)).contains("\"resourceType\":\"Bundle\"", "72514-3");

        Run imported = run("fhir", "import", bundle.toString(), "--user", "eli", "--db", db);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 days added");

        Files.writeString(
                bundle, Files.readString(bundle).replaceFirst("\"value\":5", "\"value\":50"), StandardCharsets.UTF_8);
        Run bad = run("fhir", "import", bundle.toString(), "--user", "eli", "--db", db);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Bundle.entry[").contains("resource.valueQuantity.value");

        Path pdf = folder.resolve("report.pdf");
        Run report = run(
                "report",
                "--user",
                "eli",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-31",
                "--out",
                pdf.toString(),
                "--db",
                db);
        assertThat(report.exitCode()).as(report.err()).isZero();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Dates: 2026-03-01 to 2026-03-31")
                    .contains("Mean evening pain: 4.5 (on 2 days)");
        }
        assertThat(run(
                                "report",
                                "--user",
                                "eli",
                                "--from",
                                "2026-04-01",
                                "--to",
                                "2026-03-01",
                                "--out",
                                pdf.toString(),
                                "--db",
                                db)
                        .exitCode())
                .isEqualTo(2);
    }
}
