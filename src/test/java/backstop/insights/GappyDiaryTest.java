package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.Diary;
import backstop.diary.DiaryCsv;
import backstop.diary.ImportMode;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The short and gappy diaries of issue 14, kept as fixtures under {@code src/test/resources/insights/gappy/}: four
 * days of pain (which once gave "about 91.3 episodes a year"), and 191 days of 2025 followed, after 16 empty
 * months, by four days in November 2026 (which once gave one episode across the empty months, "1.9 years of diary"
 * and "694 days before the plan"). The 2025 days run: 15 days of pain, 40 pain-free, 10 of pain, 50 pain-free, 10 of
 * pain, 40 pain-free, 26 of pain up to 2025-07-15; then pain 5, 5, 4, 4 from 2026-11-27.
 */
class GappyDiaryTest {
    private static final InsightSettings DEFAULTS = InsightSettings.defaults();
    private static final String FOUR_DAYS = "4-days.csv";
    private static final String GAPPY = "191-days-2025-and-4-days-2026.csv";

    @Test
    void fourDaysOfPainGiveNoRatePerYearButSayWhatIsMissing() {
        InsightReport report = Insights.report(diary(FOUR_DAYS), DEFAULTS, Optional.empty());

        assertThat(report.episodes()).hasSize(1);
        Episode episode = report.episodes().get(0);
        assertThat(episode.painFreeBefore()).isFalse();
        assertThat(episode.painFreeAfter()).isFalse();
        assertThat(report.recurrence().recordedDays()).isEqualTo(4);
        assertThat(report.recurrence().episodesPerYear()).isEmpty();
        assertThat(report.recurrence().flaresPerYear()).isEmpty();
        assertThat(report.recurrence().ratesReason())
                .hasValue("a rate per year needs at least 90 days with pain recorded; the diary has 4");

        String text = InsightsText.format(report);
        assertThat(text)
                .doesNotContain("91.3")
                .doesNotContainIgnoringCase("not enough data yet: not enough data yet")
                .contains("Not enough data yet: 4 days with evening pain recorded")
                .contains("1 episode and 0 flare-ups in 4 days with pain recorded. Not enough data yet for a rate per"
                        + " year: a rate per year needs at least 90 days with pain recorded; the diary has 4.")
                .contains("may have begun earlier, may still be going on");
    }

    @Test
    void noEpisodeSpansTheSixteenEmptyMonthsAndRatesCountOnlyRecordedDays() {
        InsightReport report = Insights.report(diary(GAPPY), DEFAULTS, Optional.of(LocalDate.of(2026, 11, 1)));

        assertThat(report.days()).isEqualTo(195);
        List<Episode> episodes = report.episodes();
        assertThat(episodes)
                .extracting(Episode::start)
                .containsExactly(
                        LocalDate.of(2025, 1, 6),
                        LocalDate.of(2025, 3, 2),
                        LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 6, 20),
                        LocalDate.of(2026, 11, 27));
        for (Episode episode : episodes) {
            assertThat(episode.end().isAfter(LocalDate.of(2025, 7, 15))
                            && episode.start().isBefore(LocalDate.of(2026, 11, 27)))
                    .as("%s to %s lies across the gap", episode.start(), episode.end())
                    .isFalse();
        }
        Episode beforeGap = episodes.get(3);
        assertThat(beforeGap.end()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(beforeGap.painFreeAfter())
                .as("may still have gone on into the gap")
                .isFalse();
        Episode afterGap = episodes.get(4);
        assertThat(afterGap.painFreeBefore()).as("may have begun in the gap").isFalse();
        assertThat(afterGap.painFreeAfter()).isFalse();

        Recurrence recurrence = report.recurrence();
        assertThat(recurrence.recordedDays()).isEqualTo(195);
        assertThat(recurrence.years()).isCloseTo(195 / 365.25, within(1e-12));
        assertThat(recurrence.episodesPerYear().getAsDouble()).isCloseTo(5 / (195 / 365.25), within(1e-9));
        // Three known pain-free intervals, all ended by a new episode; nothing measured across the gap.
        assertThat(recurrence.intervals())
                .containsExactly(
                        new Recurrence.Interval(41, false),
                        new Recurrence.Interval(51, false),
                        new Recurrence.Interval(41, false));
        assertThat(recurrence.timeToRecurrence().orElseThrow().medianDays()).hasValue(41);

        Recurrence.RateChange sincePlan = recurrence.sincePlan().orElseThrow().episodes();
        assertThat(sincePlan.daysBefore()).isEqualTo(191);
        assertThat(sincePlan.daysAfter()).isEqualTo(4);
        assertThat(sincePlan.text()).contains("there are 191 before and 4 after");

        String text = InsightsText.format(report);
        assertThat(text)
                .doesNotContain("694")
                .contains("2025-06-20 to 2025-07-15, peak 6, may still be going on")
                .contains("2026-11-27 to 2026-11-30, peak 5, may have begun earlier, may still be going on")
                .contains("5 episodes and ")
                .contains("in 195 days with pain recorded: about 9.4 episodes");
    }

    @BothDatabases
    void theInsightsPageCarriesTheSameCaveatsAsTheCommandLine(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", "a long enough secret");
            WebClient dana = server.client();
            dana.register("dana", "a long enough secret");
            HttpResponse<String> imported =
                    dana.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diary/import")))
                            .header("Content-Type", "text/csv")
                            .header("X-CSRF-Token", dana.csrf())
                            .POST(HttpRequest.BodyPublishers.ofString(text(GAPPY)))
                            .build());
            assertThat(imported.statusCode()).isEqualTo(200);

            String page = dana.get("/insights").body();
            assertThat(page)
                    .contains("may still be going on")
                    .contains("may have begun earlier, may still be going on")
                    .contains("in 195 days with pain recorded")
                    .contains("never pain and never pain-free")
                    .contains("de Vet et al. 2002")
                    .doesNotContainIgnoringCase("not enough data yet: not enough data yet")
                    .doesNotContain("years of diary");
        }
    }

    static Diary diary(String name) {
        return DiaryCsv.read(text(name), ImportMode.STRICT).diary();
    }

    static String text(String name) {
        try (InputStream in = GappyDiaryTest.class.getResourceAsStream("/insights/gappy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
