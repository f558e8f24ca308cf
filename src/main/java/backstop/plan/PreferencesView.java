package backstop.plan;

import backstop.exercise.Equipment;
import java.time.DayOfWeek;
import java.util.List;

/** What the plan-settings form offers: the equipment and days to pick from, the settings now, and the button's words. */
public record PreferencesView(
        List<Equipment> equipment, List<DayOfWeek> days, PlanPreferences preferences, String button) {}
