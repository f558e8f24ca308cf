package backstop.plan;

import backstop.exercise.Equipment;
import backstop.json.Doc;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/v1/plans}. Every field may be left out: 15 minutes, no equipment, strength on the
 * default days. Names and days are checked by {@link PlanPreferences#fromText}, as for the form and the CLI.
 */
record PlanRequest(
        @Doc(minimum = PlanPreferences.MIN_MINUTES, maximum = PlanPreferences.MAX_MINUTES)
        Optional<Integer> minutesPerSession,

        @Doc(choices = Equipment.class) List<String> equipment,

        @Doc(minItems = 2, maxItems = 4, choices = DayOfWeek.class)
        Optional<List<String>> strengthDays,

        @Doc("The person confirms that a doctor examined them after an urgent or soon result and said exercise is"
                + " safe; never enough after an emergency result.")
        Optional<Boolean> clearedByClinician) {

    PlanRequest {
        minutesPerSession = minutesPerSession == null ? Optional.empty() : minutesPerSession;
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
        strengthDays = strengthDays == null ? Optional.empty() : strengthDays.map(List::copyOf);
        clearedByClinician = clearedByClinician == null ? Optional.empty() : clearedByClinician;
    }

    PlanPreferences preferences() {
        PlanPreferences preferences = PlanPreferences.fromText(
                minutesPerSession.map(String::valueOf).orElse(null), equipment, strengthDays.orElse(List.of()));
        return clearedByClinician.orElse(false) ? preferences.withClinicianClearance() : preferences;
    }
}
