package backstop.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check is skipped only when exactly the same files passed the same checker on the same JDK before. */
class PassedChecksTest {
    @TempDir
    Path folder;

    private static PassedChecks.Inputs inputs(String name, String content) {
        return PassedChecks.of(PassedChecksTest.class).add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCheckThatPassedIsRememberedForTheSameFiles() {
        PassedChecks checks = new PassedChecks(folder);
        assertThat(checks.passedBefore(inputs("a.svg", "<svg/>"))).isFalse();

        checks.passed(inputs("a.svg", "<svg/>"));

        assertThat(checks.passedBefore(inputs("a.svg", "<svg/>"))).isTrue();
    }

    @Test
    void aChangedByteARenamedFileOrAnotherCheckerIsCheckedAgain() {
        PassedChecks checks = new PassedChecks(folder);
        checks.passed(inputs("a.svg", "<svg/>"));

        assertThat(checks.passedBefore(inputs("a.svg", "<svG/>"))).isFalse();
        assertThat(checks.passedBefore(inputs("b.svg", "<svg/>"))).isFalse();
        assertThat(checks.passedBefore(
                        PassedChecks.of(PassedChecks.class).add("a.svg", "<svg/>".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    @Test
    void aRecordWhoseContentDiffersFromTheInputsIsNotTrusted() throws Exception {
        PassedChecks checks = new PassedChecks(folder);
        checks.passed(inputs("a.svg", "<svg/>"));
        try (var records = Files.list(folder)) {
            Path record = records.findFirst().orElseThrow();
            Files.writeString(record, Files.readString(record).replace("a.svg", "b.svg"));
        }

        assertThat(checks.passedBefore(inputs("a.svg", "<svg/>"))).isFalse();
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyMeansEveryCheckRuns() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        PassedChecks checks = new PassedChecks(notAFolder.resolve("checks"));

        checks.passed(inputs("a.svg", "<svg/>"));

        assertThat(checks.passedBefore(inputs("a.svg", "<svg/>"))).isFalse();
    }
}
