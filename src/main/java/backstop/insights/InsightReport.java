package backstop.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the insights engine says about one diary; the JSON contract is in {@code docs/formats.md}.
 *
 * @param status {@code ok}, or {@code insufficient_data} with {@code reason} when the diary is too short for triggers
 *     and the forecast (episodes, flare-ups and recurrence are still reported: they need no model)
 * @param days recorded diary days
 * @param spanDays calendar days from the first to the last recorded day
 * @param daysWithEveningPain recorded days with an evening pain, the outcome of the model
 * @param model {@code joint} or {@code per_habit}; absent when no model was fitted
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record InsightReport(
        String status,
        Optional<String> reason,
        int days,
        int spanDays,
        int daysWithEveningPain,
        Optional<LocalDate> firstDate,
        Optional<LocalDate> lastDate,
        Optional<String> model,
        List<Episode> episodes,
        List<Flare> flares,
        List<Trigger> triggers,
        Recurrence recurrence,
        Forecast forecast,
        List<String> notes) {

    public static final String OK = "ok";
    public static final String INSUFFICIENT_DATA = "insufficient_data";

    public InsightReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(firstDate, "firstDate");
        Objects.requireNonNull(lastDate, "lastDate");
        Objects.requireNonNull(model, "model");
        episodes = List.copyOf(episodes);
        flares = List.copyOf(flares);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(forecast, "forecast");
        notes = List.copyOf(notes);
    }
}
