package backstop.plan;

/**
 * How often the desk-habits part asks for a break, from the intake's sitting answers (project judgement within the
 * 30–45 minutes of issue 4; the 6-hour cut-off echoes da_silva_2019). Shipped in {@code plan/plan-rules-v1.json};
 * sources in docs/clinical.md.
 *
 * @param shortMinutes the interval after long unbroken sitting or a long desk day
 * @param middleMinutes the interval in between, and when the intake is not at hand
 * @param longMinutes the interval otherwise
 */
public record BreakRules(
        int shortMinutes,
        int middleMinutes,
        int longMinutes,
        int longSittingMinutes,
        int someSittingMinutes,
        int longDeskHours,
        int someDeskHours) {
    public BreakRules {
        PlanRules.within("short_minutes", shortMinutes, 5, 120);
        PlanRules.within("middle_minutes", middleMinutes, shortMinutes, 120);
        PlanRules.within("long_minutes", longMinutes, middleMinutes, 120);
        PlanRules.within("long_sitting_minutes", longSittingMinutes, 1, 24 * 60);
        PlanRules.within("some_sitting_minutes", someSittingMinutes, 1, longSittingMinutes);
        PlanRules.within("long_desk_hours", longDeskHours, 1, 24);
        PlanRules.within("some_desk_hours", someDeskHours, 1, longDeskHours);
    }

    /** Shorter breaks for longer sitting; the middle interval when the intake is not at hand. */
    int interval(DailyLife life) {
        return life.desk()
                .map(desk -> {
                    if (desk.longestSittingMinutes() >= longSittingMinutes || desk.hours() >= longDeskHours) {
                        return shortMinutes;
                    }
                    if (desk.longestSittingMinutes() >= someSittingMinutes || desk.hours() >= someDeskHours) {
                        return middleMinutes;
                    }
                    return longMinutes;
                })
                .orElse(middleMinutes);
    }
}
