package backstop.harness;

import backstop.assessment.IntakeReader;
import backstop.diary.CheckInBody;
import backstop.diary.DiaryCsv;
import backstop.diary.DiaryFields;
import backstop.diary.ImportMode;
import backstop.error.BadInputException;
import backstop.web.DateParam;
import backstop.web.JsonBodies;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Fuzz tests of the parsers on their own: whatever the bytes, each either returns a value or throws
 * {@link BadInputException} (which the web layer turns into a 400 naming the field); any other exception is a
 * finding. Under {@code mvn verify} each runs its committed inputs in
 * {@code src/test/resources/backstop/harness/ParserFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (see
 * docs/reliability.md). The parsers are pure, so they write nothing; {@link ApiFuzzTest} sends the same kinds of
 * input through the running app and checks that nothing is written.
 */
class ParserFuzzTest {
    private static final IntakeReader INTAKE = IntakeReader.load();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    /** The body of {@code POST /api/v1/assessments}: JSON Schema of its intake version, then the reader's checks. */
    @FuzzTest(maxDuration = "10m")
    void intake(byte[] input) {
        onlyBadInput(() -> INTAKE.read(text(input)));
    }

    /** The diary CSV of {@code diary import}, the upload page and {@code POST /api/v1/diary/import}, both modes. */
    @FuzzTest(maxDuration = "10m")
    void diaryCsv(byte[] input) {
        String csv = text(input);
        onlyBadInput(() -> DiaryCsv.read(csv, ImportMode.STRICT));
        onlyBadInput(() -> DiaryCsv.read(csv, ImportMode.SKIP_BAD));
    }

    /** The body of {@code PUT /api/v1/diary/{date}}: bound by {@link JsonBodies}, then the diary's fields. */
    @FuzzTest(maxDuration = "10m")
    void diaryDayJson(byte[] input) {
        onlyBadInput(() -> DiaryFields.fromBody(DAY, JsonBodies.parse(text(input), CheckInBody.class)));
    }

    /** Dates in paths, queries and forms. */
    @FuzzTest(maxDuration = "10m")
    void dateParameter(byte[] input) {
        String value = text(input);
        onlyBadInput(() -> DateParam.parse("date", value));
        onlyBadInput(() -> DateParam.optional("from", value));
    }

    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    static void onlyBadInput(Runnable parse) {
        try {
            parse.run();
        } catch (BadInputException expected) {
            if (expected.errors().isEmpty()) {
                throw new AssertionError("a refusal that names no field", expected);
            }
        }
    }
}
