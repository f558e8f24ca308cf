package backstop.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pain and adherence week by week, four weeks before and four after an injection, so "the injection made therapy
 * possible" is checked on this person. Week 0 starts on the injection day. Pain is the mean evening pain (tenths);
 * adherence the share of planned days with a logged session.
 */
public record ReferralWindow(LocalDate on, List<Week> weeks, Summary before, Summary after) {
    public static final int WEEKS_EACH_SIDE = 4;

    public ReferralWindow {
        Objects.requireNonNull(on, "on");
        weeks = List.copyOf(weeks);
    }

    /** One week: its offset from the injection, first day, evenings with pain, mean pain, planned and logged days. */
    public record Week(
            int offset, LocalDate from, int evenings, Optional<Integer> painTenths, int plannedDays, int loggedDays) {
        public Week {
            painTenths = painTenths == null ? Optional.empty() : painTenths;
        }

        public int adherencePercent() {
            return plannedDays == 0 ? 0 : (int) Math.round(100.0 * loggedDays / plannedDays);
        }
    }

    /** The four weeks on one side taken together. */
    public record Summary(int evenings, Optional<Integer> painTenths, int plannedDays, int loggedDays) {
        public Summary {
            painTenths = painTenths == null ? Optional.empty() : painTenths;
        }

        public int adherencePercent() {
            return plannedDays == 0 ? 0 : (int) Math.round(100.0 * loggedDays / plannedDays);
        }
    }
}
