package backstop.cli;

import backstop.insights.Episode;
import backstop.insights.Flare;
import backstop.insights.Forecast;
import backstop.insights.InsightCard;
import backstop.insights.InsightCards;
import backstop.insights.InsightReport;
import backstop.insights.Recurrence;
import backstop.insights.Trigger;
import backstop.json.Json;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One report as the CLI writes it: {@code {"file": …, the report's fields…, "cards": […]}} on one line. The same
 * JSON the one mapper writes for {@link InsightReport} and {@link InsightCard} (snake_case names in component order,
 * absent optionals left out, ISO dates), written field by field with a streaming generator instead of by reflection:
 * a roster writes tens of thousands of these, and the mapper's bean machinery was a large part of each.
 * {@code InsightReportJsonTest} holds it to the mapper's output, character for character.
 */
final class InsightReportJson {
    /** The one mapper's factory, with the quicker shortest-digits double writer (reads back to the same doubles). */
    private static final JsonFactory FACTORY =
            Json.mapper().getFactory().copy().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());

    private InsightReportJson() {}

    /** The report and its cards as one JSON object, with the file's name first when one is given. */
    static String line(Optional<String> file, InsightReport report) {
        // About 14 KB for a 3-year diary.
        StringWriter text = new StringWriter(16 * 1024);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            if (file.isPresent()) {
                json.writeStringField("file", file.get());
            }
            reportFields(json, report);
            cards(json, InsightCards.from(report));
            json.writeEndObject();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to memory failed", cannotHappen);
        }
        return text.toString();
    }

    private static void reportFields(JsonGenerator json, InsightReport report) throws IOException {
        json.writeStringField("status", report.status());
        string(json, "reason", report.reason());
        json.writeNumberField("days", report.days());
        json.writeNumberField("span_days", report.spanDays());
        json.writeNumberField("days_with_evening_pain", report.daysWithEveningPain());
        date(json, "first_date", report.firstDate());
        date(json, "last_date", report.lastDate());
        string(json, "model", report.model());
        episodes(json, report.episodes());
        flares(json, report.flares());
        triggers(json, report.triggers());
        json.writeFieldName("recurrence");
        recurrence(json, report.recurrence());
        json.writeFieldName("forecast");
        forecast(json, report.forecast());
        strings(json, "notes", report.notes());
    }

    // Each loop sits in a method of its own: the JIT compiles a method once more for every loop it enters hot (on-stack
    // replacement), each time with everything inlined, so a method with several loops cost several large compilations.
    private static void episodes(JsonGenerator json, List<Episode> episodes) throws IOException {
        json.writeArrayFieldStart("episodes");
        for (Episode episode : episodes) {
            json.writeStartObject();
            json.writeStringField("start", episode.start().toString());
            json.writeStringField("end", episode.end().toString());
            json.writeNumberField("peak", episode.peak());
            json.writeNumberField("pain_days", episode.painDays());
            json.writeBooleanField("pain_free_before", episode.painFreeBefore());
            json.writeBooleanField("pain_free_after", episode.painFreeAfter());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void flares(JsonGenerator json, List<Flare> flares) throws IOException {
        json.writeArrayFieldStart("flares");
        for (Flare flare : flares) {
            json.writeStartObject();
            json.writeStringField("start", flare.start().toString());
            json.writeStringField("end", flare.end().toString());
            json.writeNumberField("peak", flare.peak());
            json.writeNumberField("baseline", flare.baseline());
            json.writeNumberField("days", flare.days());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void triggers(JsonGenerator json, List<Trigger> triggers) throws IOException {
        json.writeArrayFieldStart("triggers");
        for (Trigger trigger : triggers) {
            trigger(json, trigger);
        }
        json.writeEndArray();
    }

    private static void trigger(JsonGenerator json, Trigger trigger) throws IOException {
        json.writeStartObject();
        json.writeStringField("habit", trigger.habit());
        json.writeNumberField("lag", trigger.lag());
        json.writeStringField("status", trigger.status());
        string(json, "reason", trigger.reason());
        json.writeNumberField("days", trigger.days());
        number(json, "effect", trigger.effect());
        number(json, "ci_low", trigger.ciLow());
        number(json, "ci_high", trigger.ciHigh());
        number(json, "p_value", trigger.pValue());
        number(json, "q_value", trigger.qValue());
        json.writeBooleanField("significant", trigger.significant());
        json.writeEndObject();
    }

    private static void recurrence(JsonGenerator json, Recurrence recurrence) throws IOException {
        json.writeStartObject();
        json.writeNumberField("years", recurrence.years());
        json.writeNumberField("recorded_days", recurrence.recordedDays());
        json.writeNumberField("episodes", recurrence.episodes());
        number(json, "episodes_per_year", recurrence.episodesPerYear());
        json.writeNumberField("flares", recurrence.flares());
        number(json, "flares_per_year", recurrence.flaresPerYear());
        string(json, "rates_reason", recurrence.ratesReason());
        intervals(json, recurrence.intervals());
        if (recurrence.timeToRecurrence().isPresent()) {
            Recurrence.KaplanMeier curve = recurrence.timeToRecurrence().get();
            json.writeObjectFieldStart("time_to_recurrence");
            json.writeNumberField("intervals", curve.intervals());
            json.writeNumberField("recurrences", curve.recurrences());
            number(json, "median_days", curve.medianDays());
            steps(json, curve.steps());
            json.writeEndObject();
        }
        string(json, "time_to_recurrence_reason", recurrence.timeToRecurrenceReason());
        if (recurrence.sincePlan().isPresent()) {
            Recurrence.PlanComparison comparison = recurrence.sincePlan().get();
            json.writeObjectFieldStart("since_plan");
            json.writeStringField("plan_start", comparison.planStart());
            json.writeFieldName("episodes");
            rateChange(json, comparison.episodes());
            json.writeFieldName("flares");
            rateChange(json, comparison.flares());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void intervals(JsonGenerator json, List<Recurrence.Interval> intervals) throws IOException {
        json.writeArrayFieldStart("intervals");
        for (Recurrence.Interval interval : intervals) {
            json.writeStartObject();
            json.writeNumberField("days", interval.days());
            json.writeBooleanField("censored", interval.censored());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void steps(JsonGenerator json, List<Recurrence.Step> steps) throws IOException {
        json.writeArrayFieldStart("steps");
        for (Recurrence.Step step : steps) {
            json.writeStartObject();
            json.writeNumberField("days", step.days());
            json.writeNumberField("at_risk", step.atRisk());
            json.writeNumberField("recurrences", step.recurrences());
            json.writeNumberField("survival", step.survival());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void rateChange(JsonGenerator json, Recurrence.RateChange change) throws IOException {
        json.writeStartObject();
        json.writeNumberField("before", change.before());
        json.writeNumberField("days_before", change.daysBefore());
        json.writeNumberField("after", change.after());
        json.writeNumberField("days_after", change.daysAfter());
        number(json, "per_year_before", change.perYearBefore());
        number(json, "per_year_after", change.perYearAfter());
        number(json, "p_value", change.pValue());
        json.writeStringField("verdict", change.verdict());
        json.writeStringField("text", change.text());
        json.writeEndObject();
    }

    private static void forecast(JsonGenerator json, Forecast forecast) throws IOException {
        json.writeStartObject();
        json.writeStringField("status", forecast.status());
        string(json, "reason", forecast.reason());
        date(json, "date", forecast.date());
        number(json, "probability", forecast.probability());
        number(json, "expected_pain", forecast.expectedPain());
        number(json, "baseline", forecast.baseline());
        number(json, "flare_threshold", forecast.flareThreshold());
        string(json, "habits_assumed", forecast.habitsAssumed());
        strings(json, "terms", forecast.terms());
        if (forecast.trackRecord().isPresent()) {
            Forecast.TrackRecord track = forecast.trackRecord().get();
            json.writeObjectFieldStart("track_record");
            json.writeNumberField("evaluated_days", track.evaluatedDays());
            json.writeNumberField("flare_days", track.flareDays());
            json.writeNumberField("brier", track.brier());
            json.writeNumberField("climatology_brier", track.climatologyBrier());
            json.writeNumberField("brier_skill", track.brierSkill());
            json.writeStringField("text", track.text());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void cards(JsonGenerator json, List<InsightCard> cards) throws IOException {
        json.writeArrayFieldStart("cards");
        for (InsightCard card : cards) {
            card(json, card);
        }
        json.writeEndArray();
    }

    private static void card(JsonGenerator json, InsightCard card) throws IOException {
        json.writeStartObject();
        json.writeStringField("habit", card.habit());
        json.writeNumberField("lag", card.lag());
        json.writeStringField("text", card.text());
        json.writeNumberField("effect", card.effect());
        json.writeNumberField("ci_low", card.ciLow());
        json.writeNumberField("ci_high", card.ciHigh());
        json.writeStringField("cause", card.cause());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** Absent optionals are left out, as {@code @JsonInclude(NON_ABSENT)} has it. */
    private static void string(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    private static void date(JsonGenerator json, String name, Optional<LocalDate> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get().toString());
        }
    }

    private static void number(JsonGenerator json, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsDouble());
        }
    }
}
