package backstop.plan;

import backstop.assessment.StoredAssessment;
import backstop.exercise.Equipment;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

/**
 * What the plan page shows: the plan (if any) and the latest assessment, the settings form's choices and values and,
 * with a plan, the weekly review, adherence, whether a calendar feed exists and today's session.
 */
public record PlanView(
        Optional<StoredPlan> plan,
        Optional<StoredAssessment> assessment,
        List<Equipment> equipment,
        List<DayOfWeek> days,
        PlanPreferences preferences,
        Optional<WeeklyReview> review,
        Optional<Adherence> adherence,
        boolean hasFeed,
        Optional<TodaySession> todays) {}
