package backstop.insights;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.diary.Diary;
import backstop.diary.DiaryService;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/** A person's insights, computed fresh from their own diary each time (about a millisecond for three years). */
public final class InsightsService {
    private final AuditLog audit;
    private final DiaryService diary;
    private final InsightSettings settings;
    private final Function<User, Optional<LocalDate>> planStart;

    /**
     * @param planStart when the person's current plan began, if they have one: recurrence is compared before and
     *     after it
     */
    public InsightsService(
            AuditLog audit,
            DiaryService diary,
            InsightSettings settings,
            Function<User, Optional<LocalDate>> planStart) {
        this.audit = audit;
        this.diary = diary;
        this.settings = settings;
        this.planStart = planStart;
    }

    public InsightReport reportFor(User person, Caller caller) {
        Diary days = diary.diary(person, caller);
        audit.read(caller, "insights.read", Optional.of(person), days.days().size() + " days");
        return Insights.report(days, settings, planStart.apply(person));
    }

    public InsightSettings settings() {
        return settings;
    }
}
