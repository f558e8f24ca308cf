package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.Diary;
import backstop.diary.DiaryCsv;
import backstop.diary.DiaryDay;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.insights.InsightCards;
import backstop.insights.InsightReport;
import backstop.insights.InsightSettings;
import backstop.insights.Insights;
import backstop.json.Json;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CLI's hand-written report line is exactly what the one mapper writes for the same records. */
class InsightReportJsonTest {
    private static final ObjectWriter MAPPER = Json.mapper().writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);

    @Test
    void theGoldenDiariesAreWrittenCharacterForCharacterAsTheMapperWritesThem() throws Exception {
        for (String name : List.of("person-1095d-seed101", "person-1095d-seed202-null", "person-180d-seed303")) {
            Diary diary;
            try (InputStream in = getClass().getResourceAsStream("/insights/golden/" + name + ".csv")) {
                diary = DiaryCsv.read(in, ImportMode.STRICT).diary();
            }
            assertSameAsMapper(diary, Optional.empty());
            assertSameAsMapper(
                    diary, Optional.of(diary.firstDate().orElseThrow().plusDays(90)));
        }
    }

    @Test
    void simulatedPeopleOfEveryLengthAreWrittenAsTheMapperWritesThem() throws Exception {
        List<Effect> effects = List.of(Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:1:0.2"));
        for (int seed = 1; seed <= 24; seed++) {
            int days = 10 + 47 * seed;
            SimulatorSettings settings = SimulatorSettings.defaults(days, seed).withEffects(effects);
            if (seed % 3 == 0) {
                settings = settings.withPain(0.4, 0.3, 0.8).withMissing(0.3, 0.2);
            }
            Diary diary = DiaryCsv.read(DiarySimulator.simulateToCsv(settings), ImportMode.STRICT)
                    .diary();
            assertSameAsMapper(
                    diary,
                    seed % 2 == 0
                            ? Optional.empty()
                            : Optional.of(diary.firstDate().orElseThrow().plusDays(days / 2)));
        }
    }

    @Test
    void episodesWithPainFreeMonthsBetweenThemGiveTheTimeToRecurrenceAsTheMapperWritesIt() throws Exception {
        List<DiaryDay> days = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < 400; i++) {
            int pain = i % 80 < 5 ? 6 : 0;
            days.add(DiaryDay.on(start.plusDays(i)).painAm(pain).painPm(pain).build());
        }
        InsightReport report = assertSameAsMapper(new Diary(days), Optional.of(start.plusDays(200)));

        assertThat(report.recurrence().timeToRecurrence()).isPresent();
        assertThat(report.recurrence().sincePlan()).isPresent();
    }

    @Test
    void anEmptyDiaryIsWrittenAsTheMapperWritesIt() throws Exception {
        assertSameAsMapper(Diary.empty(), Optional.empty());
    }

    private static InsightReport assertSameAsMapper(Diary diary, Optional<LocalDate> planStart) throws Exception {
        InsightReport report = Insights.report(diary, InsightSettings.defaults(), planStart);
        String fields = MAPPER.writeValueAsString(report);
        String cards = MAPPER.writeValueAsString(InsightCards.from(report));
        String alone = "{" + fields.substring(1, fields.length() - 1) + ",\"cards\":" + cards + "}";
        String inRoster = "{\"file\":" + MAPPER.writeValueAsString("dir/p \"1\".csv") + "," + alone.substring(1);

        assertThat(InsightReportJson.line(Optional.empty(), report)).isEqualTo(alone);
        assertThat(InsightReportJson.line(Optional.of("dir/p \"1\".csv"), report))
                .isEqualTo(inRoster);
        return report;
    }
}
