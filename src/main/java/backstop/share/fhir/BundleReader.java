package backstop.share.fhir;

import backstop.assessment.Questionnaire;
import backstop.diary.ArmLoad;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.diary.SleepPosition;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import backstop.plan.Plan;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads a FHIR Bundle into what Backstop keeps, checking everything first: every bad element is named by its FHIR
 * path ({@code Bundle.entry[3].resource.valueQuantity.value}) and nothing is returned unless all are good. Pure:
 * the questionnaires and today's date come in as arguments. What it reads and ignores is in docs/formats.md.
 */
final class BundleReader {
    /** What the bundle holds, ready to be written. */
    record Read(
            List<CheckIn> days,
            List<Intake> intakes,
            Optional<ImportedPlan> plan,
            List<SessionLog> logs,
            int ignored) {}

    /** An intake taken at a time, as intake JSON, and the full URL of its response (plans point at it). */
    record Intake(String fullUrl, Instant takenAt, String json, String path) {}

    /** A Backstop plan carried in a CarePlan's extensions; {@code intakeUrl} is the response its assessment used. */
    record ImportedPlan(
            Plan plan, PlanPreferences preferences, Instant createdAt, Optional<String> intakeUrl, String path) {}

    private final Map<Integer, Questionnaire> questionnaires;
    private final LocalDate today;
    private final java.util.function.Predicate<String> knownExercise;
    private final java.util.function.Function<String, List<FieldError>> intakeProblems;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<LocalDate, Day> days = new java.util.TreeMap<>();

    /**
     * @param intakeProblems the problems of an intake document by intake field (empty when it is good)
     */
    BundleReader(
            Map<Integer, Questionnaire> questionnaires,
            LocalDate today,
            java.util.function.Predicate<String> knownExercise,
            java.util.function.Function<String, List<FieldError>> intakeProblems) {
        this.questionnaires = Map.copyOf(questionnaires);
        this.today = today;
        this.knownExercise = knownExercise;
        this.intakeProblems = intakeProblems;
    }

    /** @throws BadInputException naming each bad element by its FHIR path; then nothing is to be written */
    Read read(String json) {
        Bundle bundle = parse(json);
        List<Intake> intakes = new ArrayList<>();
        List<ImportedPlan> plans = new ArrayList<>();
        List<SessionLog> logs = new ArrayList<>();
        Map<String, String> derivedFrom = new LinkedHashMap<>();
        int ignored = 0;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            String path = "Bundle.entry[" + i + "].resource";
            Resource resource = entry.getResource();
            if (resource == null) {
                errors.add(new FieldError("Bundle.entry[" + i + "]", "has no resource"));
                continue;
            }
            boolean used;
            if (resource instanceof Observation observation) {
                used = observation(observation, path, logs, derivedFrom, entry);
            } else if (resource instanceof QuestionnaireResponse response) {
                used = intake(response, path, entry.getFullUrl(), intakes);
            } else if (resource instanceof CarePlan care) {
                used = plan(care, path, plans);
            } else {
                used = false;
            }
            if (!used) {
                ignored++;
            }
        }
        if (plans.size() > 1) {
            errors.add(new FieldError(plans.get(1).path(), "a bundle may carry one Backstop plan, this is a second"));
        }
        if (!logs.isEmpty() && plans.isEmpty()) {
            errors.add(new FieldError(
                    "Bundle",
                    "has logged exercises (" + FhirCodes.OWN + "#" + PlanSection.LOG
                            + ") but no Backstop plan (CarePlan with " + FhirCodes.PLAN_DOCUMENT + ") they belong to"));
        }
        List<CheckIn> checkIns = new ArrayList<>();
        days.forEach((date, day) -> {
            try {
                checkIns.add(day.build(date));
            } catch (BadInputException e) {
                e.errors()
                        .forEach(error -> errors.add(
                                new FieldError(day.firstPath(), date + " " + error.field() + ": " + error.message())));
            }
        });
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        Optional<ImportedPlan> plan = plans.stream()
                .findFirst()
                .map(p -> new ImportedPlan(
                        p.plan(), p.preferences(), p.createdAt(), p.intakeUrl().map(derivedFrom::get), p.path()));
        return new Read(checkIns, intakes, plan, logs, ignored);
    }

    private Bundle parse(String json) {
        if (json == null || json.isBlank()) {
            throw new BadInputException("Bundle", "the body is empty: send a FHIR R4 Bundle as JSON");
        }
        IParser parser = FhirExport.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(Bundle.class, json);
        } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
            throw new BadInputException("Bundle", "is not a FHIR R4 Bundle in JSON: " + e.getMessage());
        }
    }

    // ---- Observations: diary values, logged exercises; the assessment's are worked out again, not read.

    private boolean observation(
            Observation observation,
            String path,
            List<SessionLog> logs,
            Map<String, String> derivedFrom,
            Bundle.BundleEntryComponent entry) {
        if (has(observation.getCode(), FhirCodes.OWN, "assessment")) {
            // A plan points at its assessment; the assessment points at the intake it came from.
            observation.getDerivedFrom().stream()
                    .findFirst()
                    .ifPresent(ref -> derivedFrom.put(entry.getFullUrl(), ref.getReference()));
            return false;
        }
        if (!usable(observation.getStatus())) {
            return false;
        }
        boolean pain = has(observation.getCode(), FhirCodes.LOINC, FhirCodes.PAIN_SEVERITY);
        Optional<DiarySection.Code> own = ownCode(observation.getCode());
        if (!pain && own.isEmpty()) {
            if (has(observation.getCode(), FhirCodes.OWN, PlanSection.LOG)) {
                log(observation, path).ifPresent(logs::add);
                return true;
            }
            return false;
        }
        Optional<LocalDate> date = date(observation, path);
        if (date.isEmpty()) {
            return true;
        }
        Day day = days.computeIfAbsent(date.get(), d -> new Day(path));
        DiarySection.Code given = own.orElse(null);
        DiarySection.Code code =
                pain && given != DiarySection.Code.PAIN_MORNING && given != DiarySection.Code.PAIN_EVENING
                        ? morning(observation) ? DiarySection.Code.PAIN_MORNING : DiarySection.Code.PAIN_EVENING
                        : given;
        Type value = observation.getValue();
        switch (code) {
            case PAIN_MORNING, PAIN_EVENING, STRESS, SLEEP_QUALITY ->
                whole(value, path, 0, 10).ifPresent(n -> day.set(code, n, path, errors));
            case LONGEST_SIT, BREAKS, EXERCISE_MINUTES ->
                whole(value, path, 0, 1440).ifPresent(n -> day.set(code, n, path, errors));
            case DESK_HOURS -> decimal(value, path, 24).ifPresent(h -> day.set(code, h, path, errors));
            case SLEEP_POSITION ->
                coding(value, path, FhirCodes.SLEEP_POSITION)
                        .ifPresent(c -> SleepPosition.fromCode(c)
                                .ifPresentOrElse(
                                        position -> day.set(code, position, path, errors),
                                        () -> errors.add(new FieldError(
                                                path + ".valueCodeableConcept",
                                                "'" + c + "' is not a sleep position"))));
            case ARM_LOAD ->
                coding(value, path, FhirCodes.ARM_LOAD)
                        .ifPresent(c -> parseLevel(c)
                                .flatMap(ArmLoad::fromLevel)
                                .ifPresentOrElse(
                                        load -> day.set(code, load, path, errors),
                                        () -> errors.add(new FieldError(
                                                path + ".valueCodeableConcept", "'" + c + "' is not a level 0 to 3"))));
            case NOTE -> {
                if (value instanceof StringType text && text.hasValue()) {
                    day.set(code, text.getValue(), path, errors);
                } else {
                    errors.add(new FieldError(path + ".valueString", "a diary note needs valueString"));
                }
            }
            case PAIN_DETAILS -> details(observation, path, day);
        }
        return true;
    }

    private static boolean usable(Observation.ObservationStatus status) {
        return status == Observation.ObservationStatus.FINAL
                || status == Observation.ObservationStatus.AMENDED
                || status == Observation.ObservationStatus.CORRECTED;
    }

    /** Morning pain when the time of day says before noon; a day without a time counts as evening pain. */
    private static boolean morning(Observation observation) {
        if (observation.getEffective() instanceof DateTimeType when
                && when.getPrecision().ordinal() >= TemporalPrecisionEnum.MINUTE.ordinal()) {
            return when.getHour() < 12;
        }
        return false;
    }

    private Optional<LocalDate> date(Observation observation, String path) {
        if (!(observation.getEffective() instanceof DateTimeType when) || !when.hasValue()) {
            errors.add(new FieldError(path + ".effectiveDateTime", "a diary value needs the day it was recorded"));
            return Optional.empty();
        }
        return day(when, path + ".effectiveDateTime");
    }

    private Optional<LocalDate> day(BaseDateTimeType when, String path) {
        String text = when.getValueAsString();
        if (text.length() < 10) {
            errors.add(new FieldError(path, "must name a day (yyyy-mm-dd), was " + text));
            return Optional.empty();
        }
        LocalDate date = LocalDate.parse(text.substring(0, 10));
        if (date.getYear() < 1900 || date.getYear() > 2100) {
            errors.add(new FieldError(path, "must be between 1900 and 2100, was " + date));
            return Optional.empty();
        }
        if (date.isAfter(today.plusDays(1))) {
            errors.add(new FieldError(path, date + " is in the future"));
            return Optional.empty();
        }
        return Optional.of(date);
    }

    private Optional<Integer> whole(Type value, String path, int min, int max) {
        if (value instanceof IntegerType integer && integer.hasValue()) {
            return inRange(integer.getValue(), path + ".valueInteger", min, max);
        }
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            BigDecimal number = quantity.getValue();
            if (number.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(
                        path + ".valueQuantity.value", "must be a whole number, was " + number.toPlainString()));
                return Optional.empty();
            }
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                errors.add(new FieldError(
                        path + ".valueQuantity.value",
                        "must be between " + min + " and " + max + ", was " + number.toPlainString()));
                return Optional.empty();
            }
            return Optional.of(number.intValueExact());
        }
        errors.add(new FieldError(path + ".valueQuantity", "needs a whole number in valueQuantity or valueInteger"));
        return Optional.empty();
    }

    private Optional<Integer> inRange(int number, String path, int min, int max) {
        if (number < min || number > max) {
            errors.add(new FieldError(path, "must be between " + min + " and " + max + ", was " + number));
            return Optional.empty();
        }
        return Optional.of(number);
    }

    private Optional<Double> decimal(Type value, String path, int max) {
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            BigDecimal number = quantity.getValue();
            if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                errors.add(new FieldError(
                        path + ".valueQuantity.value",
                        "must be between 0 and " + max + ", was " + number.toPlainString()));
                return Optional.empty();
            }
            return Optional.of(number.doubleValue());
        }
        errors.add(new FieldError(path + ".valueQuantity", "needs a number of hours in valueQuantity"));
        return Optional.empty();
    }

    private Optional<String> coding(Type value, String path, String system) {
        if (value instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                if (system.equals(coding.getSystem()) && coding.hasCode()) {
                    return Optional.of(coding.getCode());
                }
            }
        }
        errors.add(new FieldError(path + ".valueCodeableConcept", "needs a coding from " + system));
        return Optional.empty();
    }

    private static Optional<Integer> parseLevel(String code) {
        return code.matches("[0-9]") ? Optional.of(Integer.parseInt(code)) : Optional.empty();
    }

    private void details(Observation observation, String path, Day day) {
        List<String> locations = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int c = 0; c < observation.getComponent().size(); c++) {
            var component = observation.getComponent().get(c);
            String where = path + ".component[" + c + "]";
            if (has(component.getCode(), FhirCodes.OWN, DiarySection.LOCATION)) {
                coding(component.getValue(), where, FhirCodes.LOCATION).ifPresent(locations::add);
            } else if (has(component.getCode(), FhirCodes.OWN, DiarySection.PAIN_KIND)) {
                coding(component.getValue(), where, FhirCodes.PAIN_KIND).ifPresent(kinds::add);
            } else {
                errors.add(new FieldError(where + ".code", "is neither a location nor a kind of pain"));
            }
        }
        try {
            day.set(DiarySection.Code.PAIN_DETAILS, new CheckInDetails(locations, kinds), path, errors);
        } catch (BadInputException e) {
            e.errors().forEach(error -> errors.add(new FieldError(path + ".component", error.message())));
        }
    }

    private Optional<SessionLog> log(Observation observation, String path) {
        Optional<LocalDate> date = date(observation, path);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String exercise = null;
        for (int c = 0; c < observation.getComponent().size(); c++) {
            var component = observation.getComponent().get(c);
            String where = path + ".component[" + c + "]";
            Optional<String> code = component.getCode().getCoding().stream()
                    .filter(coding -> FhirCodes.OWN.equals(coding.getSystem()))
                    .map(Coding::getCode)
                    .findFirst();
            if (code.isEmpty()) {
                errors.add(new FieldError(where + ".code", "needs a code from " + FhirCodes.OWN));
            } else if (code.get().equals("exercise")) {
                exercise =
                        coding(component.getValue(), where, FhirCodes.EXERCISE).orElse(null);
                if (exercise != null && !knownExercise.test(exercise)) {
                    errors.add(new FieldError(
                            where + ".valueCodeableConcept", "'" + exercise + "' is not an exercise of Backstop's"));
                    exercise = null;
                }
            } else if (PlanSection.LOG_COMPONENTS.contains(code.get())) {
                whole(component.getValue(), where, 0, 300).ifPresent(n -> numbers.put(code.get(), n));
            } else {
                errors.add(new FieldError(where + ".code", "'" + code.get() + "' is not part of a logged exercise"));
            }
        }
        List<String> missing = PlanSection.LOG_COMPONENTS.stream()
                .filter(code -> !numbers.containsKey(code))
                .toList();
        if (exercise == null || date.isEmpty() || !missing.isEmpty()) {
            if (!missing.isEmpty()) {
                errors.add(new FieldError(path + ".component", "is missing " + String.join(", ", missing)));
            }
            if (exercise == null && errors.stream().noneMatch(e -> e.field().startsWith(path))) {
                errors.add(new FieldError(path + ".component", "names no exercise"));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionLog(
                    date.get(),
                    exercise,
                    numbers.get("target-sets"),
                    numbers.get("target-reps"),
                    numbers.get("target-hold"),
                    numbers.get("sets"),
                    numbers.get("reps"),
                    numbers.get("hold"),
                    numbers.get("pain-before"),
                    numbers.get("pain-during"),
                    Optional.empty()));
        } catch (BadInputException e) {
            e.errors()
                    .forEach(error ->
                            errors.add(new FieldError(path + ".component", error.field() + " " + error.message())));
            return Optional.empty();
        }
    }

    // ---- The intake and the plan.

    private boolean intake(QuestionnaireResponse response, String path, String fullUrl, List<Intake> intakes) {
        String canonical = response.getQuestionnaire();
        if (canonical == null || !canonical.startsWith(FhirCodes.QUESTIONNAIRE)) {
            return false;
        }
        String rest = canonical.substring(FhirCodes.QUESTIONNAIRE.length());
        int version = questionnaires.keySet().stream().max(Integer::compare).orElse(1);
        if (rest.startsWith("|")) {
            try {
                version = Integer.parseInt(rest.substring(1));
            } catch (NumberFormatException e) {
                version = -1;
            }
        } else if (!rest.isEmpty()) {
            return false;
        }
        Questionnaire questionnaire = questionnaires.get(version);
        if (questionnaire == null) {
            errors.add(new FieldError(path + ".questionnaire", "'" + canonical + "' is not a Backstop intake version"));
            return true;
        }
        if (response.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED) {
            errors.add(new FieldError(path + ".status", "only a completed intake can be assessed"));
            return true;
        }
        if (!response.hasAuthored()) {
            errors.add(new FieldError(path + ".authored", "an intake needs the time it was answered"));
            return true;
        }
        int before = errors.size();
        String json = IntakeFhir.intake(questionnaire, response, path, errors).toString();
        if (errors.size() == before) {
            intakeProblems
                    .apply(json)
                    .forEach(problem -> errors.add(new FieldError(
                            path + ".item", "intake field " + problem.field() + ": " + problem.message())));
        }
        intakes.add(new Intake(fullUrl, response.getAuthored().toInstant(), json, path));
        return true;
    }

    private boolean plan(CarePlan care, String path, List<ImportedPlan> plans) {
        Optional<String> planJson = extension(care, FhirCodes.PLAN_DOCUMENT, path);
        if (planJson.isEmpty()) {
            return false;
        }
        Optional<String> preferencesJson = extension(care, FhirCodes.PLAN_PREFERENCES, path);
        String planPath = path + ".extension[" + index(care, FhirCodes.PLAN_DOCUMENT) + "].valueString";
        Plan plan;
        try {
            plan = Plan.fromJson(planJson.get());
        } catch (RuntimeException e) {
            errors.add(new FieldError(planPath, "is not a Backstop plan: " + message(e)));
            return true;
        }
        plan.sessions().stream()
                .flatMap(session -> session.exercises().stream())
                .filter(exercise -> !knownExercise.test(exercise.id()))
                .forEach(exercise -> errors.add(
                        new FieldError(planPath, "'" + exercise.id() + "' is not an exercise of Backstop's")));
        PlanPreferences preferences = PlanPreferences.defaults();
        if (preferencesJson.isPresent()) {
            try {
                preferences = Json.mapper().readValue(preferencesJson.get(), PlanPreferences.class);
            } catch (JsonProcessingException | RuntimeException e) {
                errors.add(new FieldError(
                        path + ".extension[" + index(care, FhirCodes.PLAN_PREFERENCES) + "].valueString",
                        "are not plan preferences: " + message(e)));
                return true;
            }
        }
        Instant created = care.hasCreated() ? care.getCreated().toInstant() : Instant.EPOCH;
        Optional<String> assessment = care.getSupportingInfo().stream()
                .map(ref -> ref.getReference())
                .filter(java.util.Objects::nonNull)
                .findFirst();
        plans.add(new ImportedPlan(plan, preferences, created, assessment, path));
        return true;
    }

    private Optional<String> extension(CarePlan care, String url, String path) {
        Extension extension = care.getExtensionByUrl(url);
        if (extension == null) {
            return Optional.empty();
        }
        if (extension.getValue() instanceof StringType text && text.hasValue()) {
            return Optional.of(text.getValue());
        }
        errors.add(new FieldError(path + ".extension[" + index(care, url) + "].valueString", "needs the JSON text"));
        return Optional.empty();
    }

    private static int index(CarePlan care, String url) {
        for (int i = 0; i < care.getExtension().size(); i++) {
            if (url.equals(care.getExtension().get(i).getUrl())) {
                return i;
            }
        }
        return -1;
    }

    private static String message(Exception e) {
        if (e instanceof BadInputException bad) {
            return bad.errors().stream()
                    .map(FieldError::toString)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
        }
        if (e instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return e.getMessage();
    }

    private static boolean has(CodeableConcept concept, String system, String code) {
        return concept.getCoding().stream()
                .anyMatch(coding -> system.equals(coding.getSystem()) && code.equals(coding.getCode()));
    }

    private static Optional<DiarySection.Code> ownCode(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(coding -> FhirCodes.OWN.equals(coding.getSystem()))
                .map(coding -> DiarySection.Code.of(coding.getCode()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** One day's values as they arrive, each at most once. */
    private static final class Day {
        private final String firstPath;
        private final Map<DiarySection.Code, Object> values = new java.util.EnumMap<>(DiarySection.Code.class);

        Day(String firstPath) {
            this.firstPath = firstPath;
        }

        void set(DiarySection.Code code, Object value, String path, List<FieldError> errors) {
            if (values.putIfAbsent(code, value) != null) {
                errors.add(new FieldError(path, "a second " + code.column + " for the same day"));
            }
        }

        CheckIn build(LocalDate date) {
            DiaryDay.Builder day = DiaryDay.on(date);
            values.forEach((code, value) -> {
                switch (code) {
                    case PAIN_MORNING -> day.painAm((Integer) value);
                    case PAIN_EVENING -> day.painPm((Integer) value);
                    case DESK_HOURS -> day.deskHours((Double) value);
                    case LONGEST_SIT -> day.longestSitMin((Integer) value);
                    case BREAKS -> day.breaks((Integer) value);
                    case EXERCISE_MINUTES -> day.exerciseMin((Integer) value);
                    case STRESS -> day.stress((Integer) value);
                    case SLEEP_QUALITY -> day.sleepQuality((Integer) value);
                    case SLEEP_POSITION -> day.sleepPosition((SleepPosition) value);
                    case ARM_LOAD -> day.armLoad((ArmLoad) value);
                    case NOTE -> day.note((String) value);
                    case PAIN_DETAILS -> {}
                }
            });
            CheckInDetails details =
                    (CheckInDetails) values.getOrDefault(DiarySection.Code.PAIN_DETAILS, CheckInDetails.none());
            return new CheckIn(day.build(), details);
        }

        String firstPath() {
            return firstPath;
        }
    }
}
