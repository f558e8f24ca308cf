package backstop.plan;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.exercise.Equipment;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the person can give the plan: minutes per session (10 to 20, the range the issue asks for), the equipment at
 * hand (no equipment is always at hand) and the days of the strength session. {@code clearedByClinician} is set by a
 * clinician who has seen a person whose assessment said "see a doctor soon/urgently" and agrees a plan may start.
 */
public record PlanPreferences(
        int minutesPerSession, Set<Equipment> equipment, List<DayOfWeek> strengthDays, boolean clearedByClinician) {

    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 20;
    public static final int DEFAULT_MINUTES = 15;
    /** Strength about three times a week (acsm-2009: novices 2 to 3 days a week); 2 to 4 days are accepted. */
    public static final List<DayOfWeek> DEFAULT_STRENGTH_DAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);

    public PlanPreferences {
        List<FieldError> errors = new ArrayList<>();
        if (minutesPerSession < MIN_MINUTES || minutesPerSession > MAX_MINUTES) {
            errors.add(new FieldError(
                    "minutes_per_session",
                    "must be " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes, was " + minutesPerSession));
        }
        Set<Equipment> atHand = EnumSet.of(Equipment.NONE);
        atHand.addAll(equipment);
        equipment = Collections.unmodifiableSet(atHand);
        if (strengthDays.size() < 2
                || strengthDays.size() > 4
                || Set.copyOf(strengthDays).size() != strengthDays.size()) {
            errors.add(new FieldError("strength_days", "must name 2 to 4 different days"));
        }
        strengthDays = strengthDays.stream().distinct().sorted().toList();
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** 15 minutes; a chair, a wall and a towel (found in most homes); strength on Monday, Wednesday and Friday. */
    public static PlanPreferences defaults() {
        return new PlanPreferences(
                DEFAULT_MINUTES,
                EnumSet.of(Equipment.CHAIR, Equipment.WALL, Equipment.TOWEL),
                DEFAULT_STRENGTH_DAYS,
                false);
    }

    public PlanPreferences withMinutes(int minutes) {
        return new PlanPreferences(minutes, equipment, strengthDays, clearedByClinician);
    }

    public PlanPreferences withEquipment(Set<Equipment> atHand) {
        return new PlanPreferences(minutesPerSession, atHand, strengthDays, clearedByClinician);
    }

    public PlanPreferences withStrengthDays(List<DayOfWeek> days) {
        return new PlanPreferences(minutesPerSession, equipment, days, clearedByClinician);
    }

    public PlanPreferences withClinicianClearance() {
        return new PlanPreferences(minutesPerSession, equipment, strengthDays, true);
    }

    /** Preferences from text fields (form, JSON or command line), every bad value named. */
    public static PlanPreferences fromText(String minutes, List<String> equipment, List<String> strengthDays) {
        List<FieldError> errors = new ArrayList<>();
        int chosenMinutes = PlanPreferences.DEFAULT_MINUTES;
        if (minutes != null && !minutes.isBlank()) {
            try {
                chosenMinutes = Integer.parseInt(minutes.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("minutes_per_session", "must be a whole number of minutes"));
            }
        }
        Set<Equipment> atHand = EnumSet.noneOf(Equipment.class);
        for (String code : equipment) {
            Arrays.stream(Equipment.values())
                    .filter(item -> item.code().equals(code))
                    .findFirst()
                    .ifPresentOrElse(
                            atHand::add,
                            () -> errors.add(new FieldError(
                                    "equipment",
                                    "'" + code + "' is not one of "
                                            + String.join(
                                                    ", ",
                                                    Arrays.stream(Equipment.values())
                                                            .map(Equipment::code)
                                                            .toList()))));
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (String day : strengthDays) {
            try {
                days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("strength_days", "'" + day + "' is not a day of the week"));
            }
        }
        if (!errors.isEmpty()) {
            // Report the range too, so one answer names every problem.
            if (chosenMinutes < MIN_MINUTES || chosenMinutes > MAX_MINUTES) {
                errors.add(
                        0,
                        new FieldError(
                                "minutes_per_session",
                                "must be " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes, was " + chosenMinutes));
            }
            throw new BadInputException(errors);
        }
        return new PlanPreferences(
                chosenMinutes, atHand, days.isEmpty() ? PlanPreferences.DEFAULT_STRENGTH_DAYS : days, false);
    }
}
