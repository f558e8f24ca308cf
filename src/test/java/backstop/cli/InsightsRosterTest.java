package backstop.cli;

import static backstop.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import backstop.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A roster too long for a command line: `backstop insights --files-from FILE|-`. */
class InsightsRosterTest {
    @TempDir
    Path folder;

    @Test
    void aListOfPathsGivesOneLinePerFileInTheOrderListedAsTheSameFilesOnTheCommandLineDo() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path file = folder.resolve("p" + i + ".csv");
            Files.writeString(
                    file,
                    run("simulate", "--days", String.valueOf(20 + 10 * (i % 5)), "--seed", String.valueOf(i))
                            .out());
            paths.add(file.toString());
        }
        Path list = folder.resolve("roster.txt");
        Files.writeString(
                list, String.join("\n", paths.subList(0, 20)) + "\n\n" + String.join("\n", paths.subList(20, 40)));

        CommandLineTest.Run fromList = run("insights", "--files-from", list.toString());
        List<String> arguments = new ArrayList<>(List.of("insights", "--diary"));
        arguments.addAll(paths);
        CommandLineTest.Run fromArguments = run(arguments.toArray(String[]::new));

        assertThat(fromList.exitCode()).isZero();
        assertThat(fromList.out()).isEqualTo(fromArguments.out());
        List<String> lines = fromList.out().lines().toList();
        assertThat(lines).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(Json.mapper().readTree(lines.get(i)).get("file").asText())
                    .isEqualTo(paths.get(i));
        }
    }

    @Test
    void aDashReadsTheListFromStandardInputAndABadFileGetsItsOwnLine() throws Exception {
        Path good = folder.resolve("good.csv");
        Files.writeString(good, run("simulate", "--days", "40", "--seed", "3").out());
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "date,pain_pm\n2026-01-01,eleven\n");
        InputStream original = System.in;
        CommandLineTest.Run roster;
        try {
            System.setIn(new ByteArrayInputStream((good + "\n" + bad + "\n" + folder.resolve("missing.csv") + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            roster = run("insights", "--files-from", "-");
        } finally {
            System.setIn(original);
        }

        assertThat(roster.exitCode()).isZero();
        List<String> lines = roster.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"file\":" + Json.mapper().writeValueAsString(good.toString()));
        assertThat(lines.get(1)).contains("\"status\":\"refused\"").contains("line 2, pain_pm");
        assertThat(lines.get(2)).contains("\"status\":\"refused\"").contains("there is no file");
    }

    @Test
    void aDiaryWrittenAnyOtherWayThanPlainGivesTheSameReportAsItsPlainForm() throws Exception {
        String plain = run("simulate", "--days", "200", "--seed", "7").out();
        List<String> lines = plain.lines().toList();
        // The same days with a byte order mark, the header in capitals and an empty line after each row: read in
        // full, not by the plain reader, and reported alike.
        String other = "\uFEFF" + lines.get(0).toUpperCase(java.util.Locale.ROOT) + "\n"
                + String.join("\n\n", lines.subList(1, lines.size())) + "\n";
        Path plainFile = folder.resolve("plain.csv");
        Path otherFile = folder.resolve("other.csv");
        Files.writeString(plainFile, plain);
        Files.writeString(otherFile, other);
        Path notUtf8 = folder.resolve("latin1.csv");
        Files.write(
                notUtf8, (lines.get(0) + "\n2026-01-01,1,2,,,,,,,,,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

        CommandLineTest.Run fromPlain = run("insights", "--diary", plainFile.toString());
        CommandLineTest.Run fromOther = run("insights", "--diary", otherFile.toString());
        CommandLineTest.Run fromLatin1 = run("insights", "--diary", notUtf8.toString());

        assertThat(fromPlain.exitCode()).isZero();
        assertThat(fromOther.exitCode()).as(fromOther.err()).isZero();
        assertThat(fromOther.out()).isEqualTo(fromPlain.out());
        assertThat(fromLatin1.exitCode()).isEqualTo(2);
        assertThat(fromLatin1.err()).contains("--diary").contains("is not UTF-8 text");
    }

    @Test
    void aMissingListOrBothWaysOfNamingFilesIsRefusedWithAMessage() {
        CommandLineTest.Run missing =
                run("insights", "--files-from", folder.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--files-from").contains("there is no file");

        CommandLineTest.Run both = run("insights", "--diary", "a.csv", "--files-from", "-");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        CommandLineTest.Run neither = run("insights");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--diary").contains("--files-from");
    }
}
