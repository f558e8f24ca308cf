package backstop.care;

import java.util.List;
import java.util.Map;

/** The person's measure schedules and answers and their referrals, in the account export. */
public record CareExport(Measures measures, List<Referral> referrals) {
    public CareExport {
        referrals = List.copyOf(referrals);
    }

    /** Every schedule (its stored row) and every answer. */
    public record Measures(List<Map<String, Object>> schedules, List<Answer> answers) {
        public Measures {
            schedules = List.copyOf(schedules);
            answers = List.copyOf(answers);
        }
    }

    /** One answered questionnaire. */
    public record Answer(
            String measure,
            String dueDate,
            String day,
            int scoreTenths,
            MeasureAnswer answers,
            int definitionsVersion) {}
}
