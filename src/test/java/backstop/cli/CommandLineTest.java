package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a person types it: exit codes, output, and messages instead of stack traces. */
class CommandLineTest {
    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        CommandLine commandLine = BackstopCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String db() {
        return "sqlite:" + folder.resolve("cli.db");
    }

    @Test
    void helpListsEveryCommand() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("serve", "demo", "db", "user", "Exit codes");
    }

    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        assertThat(BackstopCommand.commandLine("serve", "--port", "0").getSubcommands())
                .containsOnlyKeys("serve");
        assertThat(BackstopCommand.commandLine("--help").getSubcommands().keySet())
                .containsExactlyElementsOf(BackstopCommand.subcommandNames());
        assertThat(BackstopCommand.commandLine("help", "serve").getSubcommands().keySet())
                .containsExactlyElementsOf(BackstopCommand.subcommandNames());
    }

    @Test
    void helpOnOneCommandShowsThatCommand() {
        Run run = run("help", "serve");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: backstop serve", "--port");
        assertThat(run("serve", "--help").out()).contains("Usage: backstop serve", "--port");
    }

    @Test
    void theBuildsTrainingStartMigratesANewFileStartsAndStopsAndIsNotInTheHelp() throws Exception {
        Run run = run("serve", "--db", db(), "--port", "0", "--exit-when-ready");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (backstop.db.Database database = backstop.db.Database.open(DatabaseUrl.parse(db()))) {
            assertThat(backstop.db.DatabaseTest.number(database, "SELECT COUNT(*) FROM users"))
                    .isZero();
        }
        assertThat(run("serve", "--help").out()).doesNotContain("--exit-when-ready");
    }

    @Test
    void anUnknownCommandIsRefusedWithTheList() {
        Run run = run("serv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("serv", "serve");
    }

    @Test
    void versionNamesTheProduct() {
        assertThat(run("--version").out()).contains("Backstop");
    }

    @Test
    void migrateReportsTheSchemaVersion() {
        Run run = run("db", "migrate", "--db", db());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("is at version \\d+");
        assertThat(run("db", "migrate", "--db", db()).out()).contains("0 migration(s) applied now");
    }

    @Test
    void userAddCreatesAClinicianWithAGeneratedPassword() {
        Run run = run("user", "add", "chris", "--role", "clinician", "--db", db());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Created clinician 'chris'")
                .containsPattern("Password \\(shown once\\): \\S{20,}");
        assertThat(run("user", "list", "--db", db()).out()).contains("chris").contains("clinician");
    }

    @Test
    void userAddReadsThePasswordFromStandardInput() {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough secret\n".getBytes(StandardCharsets.UTF_8)));
            Run run = run("user", "add", "dana", "--password-stdin", "--db", db());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).doesNotContain("Password");
        } finally {
            System.setIn(original);
        }
        Run token = run("user", "token", "dana", "--db", db());
        assertThat(token.out()).startsWith("bst_");
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblemWithoutAStackTrace() {
        Run badRole = run("user", "add", "dana", "--role", "boss", "--db", db());
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role").doesNotContain("Exception").doesNotContain("\tat ");

        Run badDb = run("db", "migrate", "--db", "mysql://nope");
        assertThat(badDb.exitCode()).isEqualTo(2);
        assertThat(badDb.err()).contains("--db");

        Run unknownUser = run("user", "token", "nobody", "--db", db());
        assertThat(unknownUser.exitCode()).isEqualTo(2);
        assertThat(unknownUser.err()).contains("no account is called 'nobody'");
    }

    @Test
    void anUnknownCommandOrOptionIsExplained() {
        Run run = run("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument");
    }

    @Test
    void assessPrintsTheResultAsJsonOrAsTextForAPerson() throws Exception {
        Path intake = folder.resolve("intake.json");
        java.nio.file.Files.writeString(intake, backstop.assessment.Intakes.deskWorker());
        Run json = run("assess", "--file", intake.toString());
        assertThat(json.exitCode()).isZero();
        assertThat(json.out())
                .containsPattern("\"urgency\"\\s*:\\s*\"self_care\"")
                .contains("\"rules_version\"", "postural_strain");
        Run text = run("assess", "--file", intake.toString(), "--format", "text");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).containsIgnoringCase("posture").doesNotContain("{\"");
    }

    @Test
    void assessStoresTheResultForAUserWhenAsked() throws Exception {
        Path intake = folder.resolve("intake.json");
        java.nio.file.Files.writeString(intake, backstop.assessment.Intakes.heartWarning());
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough secret\n".getBytes(StandardCharsets.UTF_8)));
            run("user", "add", "dana", "--password-stdin", "--db", db());
        } finally {
            System.setIn(original);
        }
        Run run = run("assess", "--file", intake.toString(), "--user", "dana", "--db", db());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("\"urgency\"\\s*:\\s*\"emergency\"");
        Run unknown = run("assess", "--file", intake.toString(), "--user", "nobody", "--db", db());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--user");
    }

    @Test
    void assessRefusesABadDocumentNamingEachField() throws Exception {
        Path intake = folder.resolve("bad.json");
        java.nio.file.Files.writeString(
                intake,
                backstop.assessment.Intakes.deskWorker()
                        .replace("\"now\": 4", "\"now\": -1")
                        .replace("\"age\": 34", "\"age\": \"old\""));
        Run run = run("assess", "--file", intake.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pain.now").contains("age").doesNotContain("Exception");
        Run missing = run("assess", "--file", folder.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--file");
    }

    @Test
    void assessCarriesTheVersion2QuestionsAndNamesABadNewField() throws Exception {
        Path effort = folder.resolve("effort.json");
        java.nio.file.Files.writeString(
                effort, backstop.assessment.Intakes.intakeOf("36-emergency-effort-back-pain-smoker.json"));
        Run emergency = run("assess", "--file", effort.toString());
        assertThat(emergency.exitCode()).isZero();
        assertThat(emergency.out())
                .containsPattern("\"urgency\"\\s*:\\s*\"emergency\"")
                .contains("heart_exertional_back_pain_with_risk");

        Path inflammatory = folder.resolve("inflammatory.json");
        java.nio.file.Files.writeString(
                inflammatory, backstop.assessment.Intakes.intakeOf("63-soon-inflammatory-pattern.json"));
        Run text = run("assess", "--file", inflammatory.toString(), "--format", "text");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("axial spondyloarthritis", "version 2 of Backstop's assessment rules");

        Path bad = folder.resolve("bad-v2.json");
        java.nio.file.Files.writeString(
                bad,
                backstop.assessment.Intakes.intakeOf("36-emergency-effort-back-pain-smoker.json")
                        .replace("\"smoker\"", "\"cigars\""));
        Run refused = run("assess", "--file", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("red_flags.heart_risks").doesNotContain("Exception");
    }

    @Test
    void simulateIsReproducibleAndFeedsDiaryImportWhoseExportIsTheSameFile() throws Exception {
        Run first =
                run("simulate", "--days", "90", "--seed", "5", "--effect", "desk_hours:0:0.3", "--start", "2025-06-02");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith("date,pain_am,pain_pm");
        assertThat(run(
                                "simulate",
                                "--days",
                                "90",
                                "--seed",
                                "5",
                                "--effect",
                                "desk_hours:0:0.3",
                                "--start",
                                "2025-06-02")
                        .out())
                .isEqualTo(first.out());
        Path csv = folder.resolve("sim.csv");
        java.nio.file.Files.writeString(csv, first.out());
        addPerson("dana");
        Run imported = run("diary", "import", csv.toString(), "--user", "dana", "--db", db());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).containsPattern("\\d+ added");
        Run exported = run("diary", "export", "--user", "dana", "--db", db());
        // The export adds the check-in details (where it hurt, what kind of pain) after the interchange columns.
        assertThat(exported.out()).startsWith(backstop.diary.DiaryCsv.HEADER + ",locations,pain_kinds");
        assertThat(backstop.diary.DiaryCsv.read(exported.out(), backstop.diary.ImportMode.STRICT)
                        .diary())
                .isEqualTo(backstop.diary.DiaryCsv.read(first.out(), backstop.diary.ImportMode.STRICT)
                        .diary());
    }

    @Test
    void diaryImportOfABadFileNamesEveryBadRowAndWritesNothing() throws Exception {
        Path csv = folder.resolve("bad.csv");
        java.nio.file.Files.writeString(csv, "date,pain_am,pain_pm\n2026-01-01,3,4\n2026-01-02,12,4\n2026-13-01,1,1\n");
        addPerson("dana");
        Run refused = run("diary", "import", csv.toString(), "--user", "dana", "--db", db());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3, pain_am").contains("line 4, date");
        assertThat(run("diary", "export", "--user", "dana", "--db", db()).out().lines())
                .hasSize(1);
        Run skipped = run("diary", "import", csv.toString(), "--user", "dana", "--skip-bad", "--db", db());
        assertThat(skipped.exitCode()).isZero();
        assertThat(skipped.out()).contains("1 added");
        assertThat(skipped.err()).contains("skipped line 3, pain_am");
    }

    @Test
    void simulateRefusesNonsense() {
        assertThat(run("simulate", "--days", "0").exitCode()).isEqualTo(2);
        Run badEffect = run("simulate", "--days", "10", "--effect", "moon:0:1");
        assertThat(badEffect.exitCode()).isEqualTo(2);
        assertThat(badEffect.err()).contains("effect");
    }

    private void addPerson(String name) {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough secret\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("user", "add", name, "--password-stdin", "--db", db())
                            .exitCode())
                    .isZero();
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void insightsReadsOneDiaryAsAnObjectAndSeveralAsJsonLines() throws Exception {
        Path first = folder.resolve("a.csv");
        Path second = folder.resolve("b.csv");
        java.nio.file.Files.writeString(
                first,
                run("simulate", "--days", "200", "--seed", "1", "--effect", "stress:0:0.4")
                        .out());
        java.nio.file.Files.writeString(
                second, run("simulate", "--days", "20", "--seed", "2").out());
        Run one = run("insights", "--diary", first.toString());
        assertThat(one.exitCode()).isZero();
        var report = backstop.json.Json.mapper().readTree(one.out());
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.has("file")).isFalse();

        Run roster = run("insights", "--diary", first.toString(), second.toString());
        List<String> lines = roster.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(backstop.json.Json.mapper()
                        .readTree(lines.get(0))
                        .get("file")
                        .asText())
                .isEqualTo(first.toString());
        assertThat(backstop.json.Json.mapper()
                        .readTree(lines.get(1))
                        .get("status")
                        .asText())
                .isEqualTo("insufficient_data");

        Run text = run("insights", "--diary", first.toString(), "--format", "text");
        assertThat(text.out()).contains("Episodes").doesNotContain("{\"");
    }

    @Test
    void insightsRefusesABadDiaryAndKeepsGoingThroughARoster() throws Exception {
        Path good = folder.resolve("good.csv");
        Path bad = folder.resolve("bad.csv");
        java.nio.file.Files.writeString(
                good, run("simulate", "--days", "40", "--seed", "3").out());
        java.nio.file.Files.writeString(bad, "date,pain_pm\n2026-01-01,eleven\n");
        Run alone = run("insights", "--diary", bad.toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("line 2, pain_pm");
        Run roster = run("insights", "--diary", good.toString(), bad.toString());
        assertThat(roster.exitCode()).isZero();
        assertThat(roster.out().lines().toList().get(1))
                .contains("\"status\":\"refused\"")
                .contains("line 2, pain_pm");
    }

    @Test
    void planBuildsFromWhatAssessPrintsAndRefusesWhenADoctorIsNeeded() throws Exception {
        Path intake = folder.resolve("intake.json");
        java.nio.file.Files.writeString(intake, backstop.assessment.Intakes.deskWorker());
        Path result = folder.resolve("result.json");
        java.nio.file.Files.writeString(
                result, run("assess", "--file", intake.toString()).out());
        Run plan = run(
                "plan",
                "--file",
                result.toString(),
                "--minutes",
                "10",
                "--equipment",
                "band,wall",
                "--start",
                "2026-06-01");
        assertThat(plan.exitCode()).isZero();
        var json = backstop.json.Json.mapper().readTree(plan.out());
        assertThat(json.get("minutes_per_session").asInt()).isEqualTo(10);
        assertThat(json.get("start").asText()).isEqualTo("2026-06-01");
        assertThat(run("plan", "--file", result.toString(), "--format", "text").out())
                .doesNotContain("{\"");

        java.nio.file.Files.writeString(intake, backstop.assessment.Intakes.heartWarning());
        java.nio.file.Files.writeString(
                result, run("assess", "--file", intake.toString()).out());
        Run refused = run("plan", "--file", result.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isNotBlank();

        Run bad = run("plan", "--file", intake.toString(), "--minutes", "99");
        assertThat(bad.exitCode()).isEqualTo(2);
    }
}
