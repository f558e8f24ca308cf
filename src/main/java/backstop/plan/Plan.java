package backstop.plan;

import backstop.assessment.FindingKind;
import backstop.exercise.Equipment;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A person's program: exercise sessions by weekday, the habit parts (each saying which causes it addresses), the
 * desk numbers and the injection-referral criteria. An immutable value: a clinician's edit is a new plan made by the
 * {@code with…} methods, and {@link #coverage()} is always worked out from what the plan holds now.
 *
 * <p>{@code causes} and {@code findings} are the assessment's, kept so the plan can be checked on its own later.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(value = "coverage", allowGetters = true)
public record Plan(
        String planVersion,
        String rulesVersion,
        LocalDate start,
        int minutesPerSession,
        Set<Equipment> equipment,
        List<CauseFocus> causes,
        List<FindingKind> findings,
        List<Session> sessions,
        List<PlanPart> parts,
        Optional<DeskHabits> desk,
        List<ReferralCriterion> referralCriteria) {

    public Plan {
        Objects.requireNonNull(planVersion, "planVersion");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(start, "start");
        equipment = Collections.unmodifiableSet(
                equipment.isEmpty() ? EnumSet.of(Equipment.NONE) : EnumSet.copyOf(equipment));
        causes = List.copyOf(causes);
        findings = List.copyOf(findings);
        sessions = List.copyOf(sessions);
        parts = List.copyOf(parts);
        desk = desk == null ? Optional.empty() : desk;
        referralCriteria = List.copyOf(referralCriteria);
    }

    /** Cause by cause, what addresses it, with a warning for each active cause nothing addresses. */
    @JsonProperty("coverage")
    public Coverage coverage() {
        return CoverageCheck.check(this);
    }

    /** The session (or sessions, after a clinician's edit) that fall on this date; none before the plan starts. */
    public TodaySession today(LocalDate date) {
        List<Session> due = date.isBefore(start)
                ? List.of()
                : sessions.stream()
                        .filter(session -> session.daysOfWeek().contains(date.getDayOfWeek()))
                        .toList();
        return new TodaySession(date, due, desk.map(DeskHabits::microBreak).orElse(List.of()));
    }

    /** The prescribed exercise with this id, in the first session that has it. */
    public Optional<PlanExercise> exercise(String exerciseId) {
        return sessions.stream()
                .flatMap(session -> session.exercises().stream())
                .filter(exercise -> exercise.id().equals(exerciseId))
                .findFirst();
    }

    /** This plan without the exercise: gone from every session, the micro-breaks and the parts that listed it. */
    public Plan withoutExercise(String exerciseId) {
        List<Session> changed = sessions.stream()
                .map(session -> session.withExercises(session.exercises().stream()
                        .filter(exercise -> !exercise.id().equals(exerciseId))
                        .toList()))
                .toList();
        List<PlanPart> partsChanged = parts.stream()
                .map(part -> new PlanPart(
                        part.kind(),
                        part.causes(),
                        part.title(),
                        part.why(),
                        part.items(),
                        part.exerciseIds().stream()
                                .filter(id -> !id.equals(exerciseId))
                                .toList(),
                        part.sources()))
                .toList();
        Optional<DeskHabits> deskChanged = desk.map(habits -> habits.withMicroBreak(habits.microBreak().stream()
                .filter(exercise -> !exercise.id().equals(exerciseId))
                .toList()));
        return new Plan(
                planVersion,
                rulesVersion,
                start,
                minutesPerSession,
                equipment,
                causes,
                findings,
                changed,
                partsChanged,
                deskChanged,
                referralCriteria);
    }

    /**
     * This plan with the exercise added to the end of the session with this id (a clinician may make a session
     * longer than the person's minutes; the generator never does).
     *
     * @throws IllegalArgumentException if no session has this id or the session already has the exercise
     */
    public Plan withExercise(String sessionId, PlanExercise exercise) {
        Session target = session(sessionId);
        if (target.contains(exercise.id())) {
            throw new IllegalArgumentException("session " + sessionId + " already has " + exercise.id());
        }
        List<PlanExercise> more = new ArrayList<>(target.exercises());
        more.add(exercise);
        return withSession(sessionId, session -> session.withExercises(more));
    }

    /** This plan with one exercise swapped for another (or the same at a new dose) wherever it appears in a session. */
    public Plan withExerciseReplaced(String exerciseId, PlanExercise next) {
        List<Session> changed = sessions.stream()
                .map(session -> {
                    if (!session.contains(exerciseId)) {
                        return session;
                    }
                    List<PlanExercise> exercises = new ArrayList<>();
                    for (PlanExercise exercise : session.exercises()) {
                        if (exercise.id().equals(exerciseId)) {
                            exercises.add(next);
                        } else if (!exercise.id().equals(next.id())) {
                            exercises.add(exercise);
                        }
                    }
                    return session.withExercises(exercises);
                })
                .toList();
        return new Plan(
                planVersion,
                rulesVersion,
                start,
                minutesPerSession,
                equipment,
                causes,
                findings,
                changed,
                parts,
                desk,
                referralCriteria);
    }

    /** This plan without any part of this kind (for a desk part, the desk numbers go too). */
    public Plan withoutPart(PlanPart.Kind kind) {
        return new Plan(
                planVersion,
                rulesVersion,
                start,
                minutesPerSession,
                equipment,
                causes,
                findings,
                sessions,
                parts.stream().filter(part -> part.kind() != kind).toList(),
                kind == PlanPart.Kind.DESK_HABITS ? Optional.empty() : desk,
                kind == PlanPart.Kind.INJECTION_REFERRAL ? List.of() : referralCriteria);
    }

    /** This plan with one more part, for example a habit a clinician adds. */
    public Plan withPart(PlanPart part) {
        List<PlanPart> more = new ArrayList<>(parts);
        more.add(part);
        return new Plan(
                planVersion,
                rulesVersion,
                start,
                minutesPerSession,
                equipment,
                causes,
                findings,
                sessions,
                more,
                desk,
                referralCriteria);
    }

    /** The JSON of {@code GET /api/v1/plans/current} and {@code backstop plan}, coverage included. */
    public String toJson() {
        return PlanJson.write(this);
    }

    /** Reads a plan written by {@link #toJson()}; the coverage in the text is ignored and worked out again. */
    public static Plan fromJson(String json) {
        return PlanJson.read(json);
    }

    private Session session(String sessionId) {
        return sessions.stream()
                .filter(session -> session.id().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this plan has no session " + sessionId));
    }

    private Plan withSession(String sessionId, UnaryOperator<Session> change) {
        session(sessionId);
        List<Session> changed = sessions.stream()
                .map(session -> session.id().equals(sessionId) ? change.apply(session) : session)
                .toList();
        return new Plan(
                planVersion,
                rulesVersion,
                start,
                minutesPerSession,
                equipment,
                causes,
                findings,
                changed,
                parts,
                desk,
                referralCriteria);
    }
}
