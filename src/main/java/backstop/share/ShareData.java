package backstop.share;

import backstop.account.User;
import backstop.assessment.Questionnaire;
import backstop.assessment.StoredAssessment;
import backstop.care.MeasureSeries;
import backstop.care.Referral;
import backstop.diary.SavedDay;
import backstop.plan.SessionLog;
import backstop.plan.StoredPlan;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What leaves Backstop when a person shares their record for a date range: the diary days in the range, the
 * assessments taken in it (each with its intake and the questionnaire of its version), the current plan when it had
 * begun by the end of the range, and the exercises logged in the range. Read once, in one audited transaction, by
 * {@link ShareReader}; the FHIR export and the visit report are both made from it. {@code measures} are the
 * outcome questionnaires (PSFS, PGIC; not the diary's weekly pain, which the diary already carries) with the points
 * answered in the range; {@code referrals} the injection referrals made by the end of the range, newest first.
 */
public record ShareData(
        User person,
        LocalDate from,
        LocalDate to,
        Instant readAt,
        List<SavedDay> days,
        List<TakenAssessment> assessments,
        Optional<StoredPlan> plan,
        List<SessionLog> logs,
        List<MeasureSeries> measures,
        List<Referral> referrals) {

    public ShareData {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(readAt, "readAt");
        days = List.copyOf(days);
        assessments = List.copyOf(assessments);
        Objects.requireNonNull(plan, "plan");
        logs = List.copyOf(logs);
        measures = List.copyOf(measures);
        referrals = List.copyOf(referrals);
    }

    /** One assessment with the intake exactly as given and the questionnaire of that intake's version. */
    public record TakenAssessment(StoredAssessment stored, JsonNode intake, Questionnaire questionnaire) {
        public TakenAssessment {
            Objects.requireNonNull(stored, "stored");
            Objects.requireNonNull(intake, "intake");
            Objects.requireNonNull(questionnaire, "questionnaire");
        }
    }

    /** The newest assessment in the range (assessments are kept newest first). */
    public Optional<TakenAssessment> latestAssessment() {
        return assessments.stream().findFirst();
    }
}
