package backstop.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Desk values of one day that a tool measured rather than the person typed: desk hours, the longest unbroken
 * sitting stretch and breaks taken. They fill the day's field only while the person has left it empty, so nothing
 * measured ever overwrites a value the person gave; the person corrects a measured value by typing another.
 */
public record MeasuredDay(
        LocalDate date,
        OptionalDouble deskHours,
        OptionalInt longestSitMin,
        OptionalInt breaks,
        String source,
        Instant updatedAt) {
    /** The diary fields a measurement may fill, by their CSV column names. */
    public static final Set<String> FIELDS = Set.of("desk_hours", "longest_sit_min", "breaks");

    public MeasuredDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(deskHours, "deskHours");
        Objects.requireNonNull(longestSitMin, "longestSitMin");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // The same bounds as a typed value, so a merged day always builds.
        new DiaryDay(
                date,
                OptionalInt.empty(),
                OptionalInt.empty(),
                deskHours,
                longestSitMin,
                breaks,
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                "");
    }

    /**
     * The day as the diary shows it: the person's own values, with measured ones in the desk fields they left
     * empty. Without a check-in the day holds only the measured values (revision 0).
     */
    static SavedDay overlay(Optional<SavedDay> typed, Optional<MeasuredDay> measured) {
        if (measured.isEmpty()) {
            return typed.orElseThrow();
        }
        MeasuredDay m = measured.get();
        CheckIn own = typed.map(SavedDay::checkIn)
                .orElseGet(() -> new CheckIn(DiaryDay.on(m.date()).build(), CheckInDetails.none()));
        DiaryDay day = own.day();
        Set<String> filled = new LinkedHashSet<>();
        OptionalDouble desk = day.deskHours();
        if (desk.isEmpty() && m.deskHours().isPresent()) {
            desk = m.deskHours();
            filled.add("desk_hours");
        }
        OptionalInt longest = day.longestSitMin();
        if (longest.isEmpty() && m.longestSitMin().isPresent()) {
            longest = m.longestSitMin();
            filled.add("longest_sit_min");
        }
        OptionalInt breaks = day.breaks();
        if (breaks.isEmpty() && m.breaks().isPresent()) {
            breaks = m.breaks();
            filled.add("breaks");
        }
        DiaryDay merged = new DiaryDay(
                day.date(),
                day.painAm(),
                day.painPm(),
                desk,
                longest,
                breaks,
                day.exerciseMin(),
                day.stress(),
                day.sleepQuality(),
                day.sleepPosition(),
                day.armLoad(),
                day.note());
        return new SavedDay(
                new CheckIn(merged, own.details()),
                typed.map(SavedDay::revision).orElse(0),
                typed.map(SavedDay::updatedAt).orElse(m.updatedAt()),
                filled);
    }

    /**
     * What the person sends back unchanged stays measured: a check-in form or an API client that shows the measured
     * value and saves it again has not typed it, so the field stays empty and later measurements keep filling it. A
     * field the person had typed before is theirs and is kept as sent.
     */
    CheckIn withoutEchoOf(CheckIn sent, Optional<CheckIn> before) {
        DiaryDay day = sent.day();
        Optional<DiaryDay> own = before.map(CheckIn::day);
        OptionalDouble desk = day.deskHours();
        if (own.map(d -> d.deskHours().isEmpty()).orElse(true)
                && desk.isPresent()
                && deskHours.isPresent()
                && Math.abs(desk.getAsDouble() - deskHours.getAsDouble()) < 1e-9) {
            desk = OptionalDouble.empty();
        }
        OptionalInt longest = own.map(d -> d.longestSitMin().isEmpty()).orElse(true)
                        && day.longestSitMin().equals(longestSitMin)
                ? OptionalInt.empty()
                : day.longestSitMin();
        OptionalInt taken =
                own.map(d -> d.breaks().isEmpty()).orElse(true) && day.breaks().equals(breaks)
                        ? OptionalInt.empty()
                        : day.breaks();
        return new CheckIn(
                new DiaryDay(
                        day.date(),
                        day.painAm(),
                        day.painPm(),
                        desk,
                        longest,
                        taken,
                        day.exerciseMin(),
                        day.stress(),
                        day.sleepQuality(),
                        day.sleepPosition(),
                        day.armLoad(),
                        day.note()),
                sent.details());
    }
}
