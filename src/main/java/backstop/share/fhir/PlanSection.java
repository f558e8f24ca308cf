package backstop.share.fhir;

import backstop.json.Json;
import backstop.model.Cause;
import backstop.plan.CauseFocus;
import backstop.plan.Plan;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPart;
import backstop.plan.Session;
import backstop.plan.SessionLog;
import backstop.plan.StoredPlan;
import backstop.share.ShareData;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

/**
 * The current plan as a CarePlan: a Goal per cause the plan addresses (each pointing at that cause's score), an
 * activity per exercise (Backstop's exercise code, the dose in words, the weekdays) and per habit part, and the
 * plan itself as Backstop stores it in an extension so an import gives the same plan back. Each logged exercise is
 * an Observation based on the CarePlan, planned next to done.
 */
final class PlanSection implements FhirSection {
    static final String KEY = "careplan";
    static final String LOG = "exercise-log";

    @Override
    public void write(ShareData data, BundleWriter bundle) {
        if (data.plan().isEmpty()) {
            return;
        }
        Reference patient = bundle.require(PatientSection.KEY);
        StoredPlan stored = data.plan().get();
        Plan plan = stored.plan();
        Optional<Reference> assessment = bundle.reference(AssessmentSection.key(stored.assessmentId(), ""));
        Map<Cause, Reference> goals = new LinkedHashMap<>();
        for (CauseFocus focus : plan.causes()) {
            if (!focus.active()) {
                continue;
            }
            Goal goal = new Goal();
            goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
            goal.setDescription(new CodeableConcept()
                    .setText("Fewer and milder spells of upper back pain linked to "
                            + focus.label().toLowerCase(java.util.Locale.ROOT)
                            + " (score " + focus.score() + ")"));
            goal.setSubject(patient);
            goal.setStart(new org.hl7.fhir.r4.model.DateType(plan.start().toString()));
            bundle.reference(AssessmentSection.key(
                            stored.assessmentId(), focus.cause().key()))
                    .ifPresent(goal::addAddresses);
            goals.put(focus.cause(), bundle.add("goal:" + focus.cause().key(), goal));
        }
        CarePlan care = new CarePlan();
        care.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        care.setIntent(CarePlan.CarePlanIntent.PLAN);
        care.setTitle("Backstop exercise and habit plan");
        care.setDescription("Exercise sessions of about " + plan.minutesPerSession()
                + " minutes and the habit parts Backstop chose for the causes the assessment scored highest."
                + " Made by Backstop's rules (" + plan.planVersion() + "), not by a clinician.");
        care.setSubject(patient);
        care.setPeriod(
                new Period().setStartElement(new DateTimeType(plan.start().toString())));
        care.setCreatedElement(AssessmentSection.instant(stored.createdAt()));
        goals.values().forEach(care::addGoal);
        assessment.ifPresent(care::addSupportingInfo);
        care.addExtension(FhirCodes.PLAN_DOCUMENT, new StringType(plan.toJson()));
        care.addExtension(FhirCodes.PLAN_PREFERENCES, new StringType(json(stored.preferences())));
        Map<String, Set<DayOfWeek>> days = new LinkedHashMap<>();
        Map<String, PlanExercise> exercises = new LinkedHashMap<>();
        Map<String, String> sessionNames = new HashMap<>();
        for (Session session : plan.sessions()) {
            for (PlanExercise exercise : session.exercises()) {
                exercises.putIfAbsent(exercise.id(), exercise);
                days.computeIfAbsent(exercise.id(), id -> EnumSet.noneOf(DayOfWeek.class))
                        .addAll(session.daysOfWeek());
                sessionNames.merge(exercise.id(), session.name(), (a, b) -> a.equals(b) ? a : a + ", " + b);
            }
        }
        for (PlanExercise exercise : exercises.values()) {
            var detail = care.addActivity().getDetail();
            detail.setCode(FhirCodes.concept(FhirCodes.EXERCISE, exercise.id(), exercise.name()));
            detail.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
            detail.setDescription(exercise.doseText() + " (" + sessionNames.get(exercise.id()) + ")");
            Timing timing = new Timing();
            days.get(exercise.id()).forEach(day -> timing.getRepeat().addDayOfWeek(dayOfWeek(day)));
            detail.setScheduled(timing);
            exercise.causes().stream()
                    .map(goals::get)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .forEach(detail::addGoal);
        }
        for (PlanPart part : plan.parts()) {
            if (part.kind() == PlanPart.Kind.EXERCISE) {
                continue;
            }
            var detail = care.addActivity().getDetail();
            detail.setCode(FhirCodes.concept(
                    FhirCodes.OWN,
                    "plan-"
                            + part.kind()
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', '-'),
                    part.title()));
            detail.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
            detail.setDescription(part.why() + (part.items().isEmpty() ? "" : " " + String.join(" ", part.items())));
            part.causes().stream()
                    .map(goals::get)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .forEach(detail::addGoal);
        }
        Reference carePlan = bundle.add(KEY, care);
        Map<String, Integer> seen = new HashMap<>();
        for (SessionLog log : data.logs()) {
            String base = log.date() + ":" + log.exerciseId();
            int n = seen.merge(base, 1, Integer::sum);
            bundle.add("log:" + base + ":" + n, log(log, patient, carePlan, exercises.get(log.exerciseId())));
        }
    }

    private static Observation log(SessionLog log, Reference patient, Reference carePlan, PlanExercise exercise) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirCodes.category("activity", "Activity"));
        observation.setCode(FhirCodes.concept(FhirCodes.OWN, LOG, "Exercise done, planned next to done"));
        observation.setSubject(patient);
        observation.addPerformer(patient);
        observation.setEffective(new DateTimeType(log.date().toString()));
        observation.addBasedOn(carePlan);
        observation
                .addComponent()
                .setCode(FhirCodes.concept(FhirCodes.OWN, "exercise", "Exercise"))
                .setValue(FhirCodes.concept(
                        FhirCodes.EXERCISE, log.exerciseId(), exercise == null ? log.exerciseId() : exercise.name()));
        component(observation, "target-sets", "Sets planned", new IntegerType(log.targetSets()));
        component(observation, "target-reps", "Repetitions planned", new IntegerType(log.targetReps()));
        component(observation, "target-hold", "Hold planned", seconds(log.targetHoldSeconds()));
        component(observation, "sets", "Sets done", new IntegerType(log.sets()));
        component(observation, "reps", "Repetitions done", new IntegerType(log.reps()));
        component(observation, "hold", "Hold done", seconds(log.holdSeconds()));
        component(observation, "pain-before", "Pain before (0-10)", DiarySection.score(log.painBefore()));
        component(observation, "pain-during", "Pain during (0-10)", DiarySection.score(log.painDuring()));
        return observation;
    }

    static final List<String> LOG_COMPONENTS =
            List.of("target-sets", "target-reps", "target-hold", "sets", "reps", "hold", "pain-before", "pain-during");

    private static void component(
            Observation observation, String code, String display, org.hl7.fhir.r4.model.Type value) {
        observation
                .addComponent()
                .setCode(FhirCodes.concept(FhirCodes.OWN, code, display))
                .setValue(value);
    }

    private static Quantity seconds(int value) {
        return new Quantity()
                .setValue(value)
                .setUnit("s")
                .setSystem(FhirCodes.UCUM)
                .setCode("s");
    }

    private static Timing.DayOfWeek dayOfWeek(DayOfWeek day) {
        return Timing.DayOfWeek.valueOf(day.name().substring(0, 3));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan preferences always serialise", e);
        }
    }
}
