package backstop.desk;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * How the Desk page reminds: a micro-break every {@code microMinutes} of desk time, a rest break of
 * {@code restLengthMinutes} every {@code restMinutes}, a daily sitting limit, and the person's own limits on
 * postponing and skipping. With {@code followPlan} the three intervals come from the plan (see
 * {@link #fromPlan}); sources in docs/clinical.md ("Desk companion").
 */
record DeskSettings(
        boolean followPlan,
        int microMinutes,
        int restMinutes,
        int restLengthMinutes,
        int dailyLimitMinutes,
        int postponeMinutes,
        int maxPostpones,
        int maxSkips,
        boolean strict,
        boolean sound,
        int idleMinutes) {
    /** Without a plan's desk part: the plan generator's own default interval (HabitParts, 40 min). */
    static final int DEFAULT_MICRO_MINUTES = 40;
    /** A rest break every hour: HSE's 5–10 minutes after 50–60 minutes and Galinsky 2000's hourly 5 minutes. */
    static final int DEFAULT_REST_MINUTES = 60;

    static final int DEFAULT_REST_LENGTH_MINUTES = 5;
    /** Five hours of sitting a day: sitting more than that predicted recurrence (da Silva 2019, low back). */
    static final int DEFAULT_DAILY_LIMIT_MINUTES = 300;
    /** Ten quiet minutes before the page asks "were you away?": reading and thinking look quiet too. */
    static final int DEFAULT_IDLE_MINUTES = 10;

    DeskSettings {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "micro_minutes", microMinutes, 1, 120);
        check(errors, "rest_minutes", restMinutes, 10, 240);
        check(errors, "rest_length_min", restLengthMinutes, 1, 30);
        check(errors, "daily_limit_min", dailyLimitMinutes, 30, 960);
        check(errors, "postpone_minutes", postponeMinutes, 1, 30);
        check(errors, "max_postpones", maxPostpones, 0, 5);
        check(errors, "max_skips", maxSkips, 0, 20);
        check(errors, "idle_minutes", idleMinutes, 2, 60);
        if (errors.isEmpty() && restMinutes <= microMinutes) {
            errors.add(new FieldError("rest_minutes", "must be longer than the micro-break interval"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** The schedule for a person who changed nothing: the plan's interval (if any) and the defaults. */
    static DeskSettings fromPlan(int planMicroMinutes) {
        return new DeskSettings(
                true,
                planMicroMinutes,
                Math.max(DEFAULT_REST_MINUTES, planMicroMinutes + 10),
                DEFAULT_REST_LENGTH_MINUTES,
                DEFAULT_DAILY_LIMIT_MINUTES,
                5,
                2,
                3,
                false,
                false,
                DEFAULT_IDLE_MINUTES);
    }

    /** The person's own choices, with the intervals taken from the plan again. */
    DeskSettings followingPlan(int planMicroMinutes) {
        DeskSettings plan = fromPlan(planMicroMinutes);
        return new DeskSettings(
                true,
                plan.microMinutes,
                plan.restMinutes,
                restLengthMinutes,
                plan.dailyLimitMinutes,
                postponeMinutes,
                maxPostpones,
                maxSkips,
                strict,
                sound,
                idleMinutes);
    }

    DeskSettings withMicroMinutes(int minutes) {
        return new DeskSettings(
                false,
                minutes,
                Math.max(restMinutes, minutes + 10),
                restLengthMinutes,
                dailyLimitMinutes,
                postponeMinutes,
                maxPostpones,
                maxSkips,
                strict,
                sound,
                idleMinutes);
    }

    private static void check(List<FieldError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max + ", was " + value));
        }
    }
}
