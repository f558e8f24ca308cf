package backstop.assessment;

import static backstop.assessment.FieldCheck.distinct;
import static backstop.assessment.FieldCheck.present;
import static backstop.assessment.FieldCheck.within;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One completed assessment intake, as in {@code assessment/intake-v2.schema.json} or, for a document without
 * {@code intake_version}, {@code intake-v1.schema.json}. Every part of its version is required; lists are empty
 * rather than absent. The answers version 2 added are {@code Optional}: empty means the question was not asked
 * (a version 1 document), never "no". Built by {@link IntakeReader} from JSON, or in code by tests.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Intake(
        Optional<Integer> intakeVersion,
        RedFlagAnswers redFlags,
        Pain pain,
        List<Location> locations,
        List<Quality> qualities,
        Factors factors,
        Desk desk,
        Workstation workstation,
        Load load,
        Stress stress,
        Sleep sleep,
        Knots knots,
        int age) {

    public Intake {
        intakeVersion = orEmpty(intakeVersion);
        if (intakeVersion.isPresent() && intakeVersion.get() != 2) {
            throw new BadInputException("intake_version", "should be 2, or left out for a version 1 document.");
        }
        present(redFlags, "red_flags");
        present(pain, "pain");
        locations = distinct(locations, "locations", true);
        qualities = distinct(qualities, "qualities", true);
        present(factors, "factors");
        present(desk, "desk");
        present(workstation, "workstation");
        present(load, "load");
        present(stress, "stress");
        present(sleep, "sleep");
        present(knots, "knots");
        within(age, 12, 120, "age");
        // Checks across sections are collected so a person sees all of them at once.
        List<FieldError> errors = new ArrayList<>();
        if (redFlags.onsetAge() > age) {
            errors.add(new FieldError("red_flags.onset_age", "is later than your age now; please check both."));
        }
        if (pain.worstWeek() < pain.now()) {
            errors.add(new FieldError(
                    "pain.worst_week", "is lower than your pain now; the worst of the week includes today."));
        }
        VersionCheck check = new VersionCheck(intakeVersion.isPresent() ? 2 : 1, errors);
        redFlags.check(check);
        pain.check(check);
        qualities.forEach(quality -> check.newOnly(quality.newInVersion2(), "qualities"));
        factors.check(check);
        load.check(check);
        sleep.check(check);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** 1 for a document without {@code intake_version}, otherwise its version. */
    public int version() {
        return intakeVersion.orElse(1);
    }

    static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /**
     * Holds an intake built in code to its version: a version 2 intake answers every version 2 question, a version 1
     * intake answers none of them and uses only version 1 choices.
     */
    static final class VersionCheck {
        private final int version;
        private final List<FieldError> errors;

        VersionCheck(int version, List<FieldError> errors) {
            this.version = version;
            this.errors = errors;
        }

        void added(Optional<?> answer, String field) {
            if (version == 2 && answer.isEmpty()) {
                errors.add(new FieldError(field, "is missing; please answer this question."));
            } else if (version == 1 && answer.isPresent()) {
                errors.add(new FieldError(field, "is not a field of intake version 1."));
            }
        }

        void newOnly(boolean newInVersion2, String field) {
            if (version == 1 && newInVersion2) {
                errors.add(new FieldError(field, "holds a choice that intake version 1 does not have."));
            }
        }

        void oldOnly(boolean onlyInVersion1, String field) {
            if (version == 2 && onlyInVersion1) {
                errors.add(new FieldError(field, "holds a choice that intake version 2 no longer has."));
            }
        }
    }

    /**
     * The screening answers; yes means the sign is present. {@code onsetAge} is the age this back pain first began.
     * The self-care follow-ups count only when {@code selfCareTried} is yes, so they are emptied otherwise.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record RedFlagAnswers(
            boolean chestPainWithExertion,
            boolean breathlessness,
            boolean sweatingWithPain,
            boolean painToJawOrArm,
            boolean suddenTearingPain,
            boolean feverOrChills,
            boolean recentInfection,
            boolean injectedDrugUse,
            boolean weakenedImmuneSystem,
            boolean cancerHistory,
            boolean unexplainedWeightLoss,
            boolean significantTrauma,
            boolean minorTrauma,
            boolean osteoporosisOrLongTermSteroids,
            boolean constantPainNotEased,
            boolean nightPainWaking,
            boolean legWeaknessOrNumbness,
            boolean unsteadyWalking,
            boolean bowelOrBladderChange,
            int onsetAge,
            Optional<Boolean> exertionalUpperBackPain,
            Optional<List<HeartRisk>> heartRisks,
            Optional<List<ClotRisk>> clotRisks,
            Optional<Boolean> saddleNumbness,
            Optional<Boolean> attacksAfterMeals,
            Optional<Boolean> burningWithMeals,
            Optional<Boolean> skinSoreToLightTouch,
            Optional<Boolean> rashWhereItHurts,
            Optional<Boolean> selfCareTried,
            Optional<List<SelfCareKind>> selfCareKinds,
            Optional<Integer> selfCareWeeks,
            Optional<SelfCareChange> selfCareChange) {
        public RedFlagAnswers {
            within(onsetAge, 0, 120, "red_flags.onset_age");
            exertionalUpperBackPain = orEmpty(exertionalUpperBackPain);
            heartRisks = orEmpty(heartRisks).map(list -> distinct(list, "red_flags.heart_risks", false));
            clotRisks = orEmpty(clotRisks).map(list -> distinct(list, "red_flags.clot_risks", false));
            saddleNumbness = orEmpty(saddleNumbness);
            attacksAfterMeals = orEmpty(attacksAfterMeals);
            burningWithMeals = orEmpty(burningWithMeals);
            skinSoreToLightTouch = orEmpty(skinSoreToLightTouch);
            rashWhereItHurts = orEmpty(rashWhereItHurts);
            selfCareTried = orEmpty(selfCareTried);
            if (selfCareTried.orElse(false)) {
                selfCareKinds = Optional.of(distinct(
                        present(orEmpty(selfCareKinds).orElse(null), "red_flags.self_care_kinds"),
                        "red_flags.self_care_kinds",
                        true));
                selfCareWeeks = Optional.of(within(
                        present(orEmpty(selfCareWeeks).orElse(null), "red_flags.self_care_weeks"),
                        0,
                        260,
                        "red_flags.self_care_weeks"));
                selfCareChange =
                        Optional.of(present(orEmpty(selfCareChange).orElse(null), "red_flags.self_care_change"));
            } else {
                selfCareKinds = Optional.empty();
                selfCareWeeks = Optional.empty();
                selfCareChange = Optional.empty();
            }
        }

        void check(VersionCheck check) {
            check.added(exertionalUpperBackPain, "red_flags.exertional_upper_back_pain");
            check.added(heartRisks, "red_flags.heart_risks");
            check.added(clotRisks, "red_flags.clot_risks");
            check.added(saddleNumbness, "red_flags.saddle_numbness");
            check.added(attacksAfterMeals, "red_flags.attacks_after_meals");
            check.added(burningWithMeals, "red_flags.burning_with_meals");
            check.added(skinSoreToLightTouch, "red_flags.skin_sore_to_light_touch");
            check.added(rashWhereItHurts, "red_flags.rash_where_it_hurts");
            check.added(selfCareTried, "red_flags.self_care_tried");
        }
    }

    public enum HeartRisk {
        @JsonProperty("smoker")
        SMOKER,
        @JsonProperty("high_blood_pressure")
        HIGH_BLOOD_PRESSURE,
        @JsonProperty("diabetes")
        DIABETES,
        @JsonProperty("high_cholesterol")
        HIGH_CHOLESTEROL,
        @JsonProperty("heart_disease")
        HEART_DISEASE
    }

    public enum ClotRisk {
        @JsonProperty("long_journey_or_bed_rest")
        LONG_JOURNEY_OR_BED_REST,
        @JsonProperty("recent_surgery_or_injury")
        RECENT_SURGERY_OR_INJURY,
        @JsonProperty("oestrogen_medicine")
        OESTROGEN_MEDICINE,
        @JsonProperty("pregnant_or_recent_birth")
        PREGNANT_OR_RECENT_BIRTH,
        @JsonProperty("previous_clot")
        PREVIOUS_CLOT,
        @JsonProperty("swollen_painful_leg")
        SWOLLEN_PAINFUL_LEG
    }

    public enum SelfCareKind {
        @JsonProperty("exercises")
        EXERCISES,
        @JsonProperty("staying_active")
        STAYING_ACTIVE,
        @JsonProperty("physiotherapy")
        PHYSIOTHERAPY,
        @JsonProperty("heat_or_massage")
        HEAT_OR_MASSAGE,
        @JsonProperty("pain_relief")
        PAIN_RELIEF,
        @JsonProperty("rest")
        REST
    }

    public enum SelfCareChange {
        @JsonProperty("better")
        BETTER,
        @JsonProperty("a_little_better")
        A_LITTLE_BETTER,
        @JsonProperty("no_better")
        NO_BETTER,
        @JsonProperty("worse")
        WORSE
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Pain(
            int now, int worstWeek, EpisodeLength episodeLength, int episodesLastYear, Optional<Onset> onset) {
        public Pain {
            within(now, 0, 10, "pain.now");
            within(worstWeek, 0, 10, "pain.worst_week");
            present(episodeLength, "pain.episode_length");
            within(episodesLastYear, 1, 52, "pain.episodes_last_year");
            onset = orEmpty(onset);
        }

        void check(VersionCheck check) {
            check.added(onset, "pain.onset");
            check.newOnly(episodeLength == EpisodeLength.WEEKS_1_TO_5, "pain.episode_length");
            check.oldOnly(episodeLength == EpisodeLength.WEEKS_1_TO_6, "pain.episode_length");
        }
    }

    /**
     * How long this bout has lasted. Version 1 offered "1 to 6 weeks" and "6 to 12 weeks", which both hold six weeks;
     * version 2 asks "1 to 5 weeks" instead, in whole weeks, so every length has exactly one answer.
     */
    public enum EpisodeLength {
        @JsonProperty("under_1_week")
        UNDER_1_WEEK,
        /** Version 1 only. */
        @JsonProperty("1_to_6_weeks")
        WEEKS_1_TO_6,
        /** Version 2: one whole week up to five whole weeks. */
        @JsonProperty("1_to_5_weeks")
        WEEKS_1_TO_5,
        @JsonProperty("6_to_12_weeks")
        WEEKS_6_TO_12,
        @JsonProperty("over_12_weeks")
        OVER_12_WEEKS
    }

    /** How this bout began; "gradual" means without a clear reason. */
    public enum Onset {
        @JsonProperty("gradual")
        GRADUAL,
        @JsonProperty("after_strain_or_injury")
        AFTER_STRAIN_OR_INJURY,
        @JsonProperty("suddenly_without_reason")
        SUDDENLY_WITHOUT_REASON,
        @JsonProperty("dont_know")
        DONT_KNOW
    }

    /** The body map. */
    public enum Location {
        @JsonProperty("between_shoulder_blades")
        BETWEEN_SHOULDER_BLADES,
        @JsonProperty("mid_back_centre")
        MID_BACK_CENTRE,
        @JsonProperty("one_side")
        ONE_SIDE,
        @JsonProperty("around_ribs")
        AROUND_RIBS,
        @JsonProperty("neck_shoulder")
        NECK_SHOULDER,
        @JsonProperty("into_arm")
        INTO_ARM,
        @JsonProperty("into_chest")
        INTO_CHEST
    }

    public enum Quality {
        @JsonProperty("dull_ache")
        DULL_ACHE,
        @JsonProperty("stiffness")
        STIFFNESS,
        @JsonProperty("sharp_with_movement")
        SHARP_WITH_MOVEMENT,
        @JsonProperty("tight_band")
        TIGHT_BAND,
        @JsonProperty("burning_tingling")
        BURNING_TINGLING,
        @JsonProperty("tender_spot")
        TENDER_SPOT,
        @JsonProperty("sore")
        SORE,
        @JsonProperty("pressure")
        PRESSURE,
        @JsonProperty("numbness")
        NUMBNESS;

        boolean newInVersion2() {
            return this == SORE || this == PRESSURE || this == NUMBNESS;
        }
    }

    /** What a situation does to the pain; "don't know" (version 2) is not "no effect". */
    public enum Effect {
        @JsonProperty("worse")
        WORSE,
        @JsonProperty("better")
        BETTER,
        @JsonProperty("no_effect")
        NO_EFFECT,
        @JsonProperty("dont_know")
        DONT_KNOW
    }

    /** What each situation does to the pain: movements and positions, times, and what relieves it (version 2). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Factors(
            Effect sitting,
            Effect standingMoving,
            Effect twisting,
            Effect lifting,
            Effect sustainedArmUse,
            Effect deepBreaths,
            Effect stress,
            Effect lyingDown,
            Effect mornings,
            Optional<Effect> endOfWorkingDay,
            Optional<Effect> weekendsOff,
            Optional<Effect> afterTraining,
            Optional<Effect> afterPhysicalJob,
            Optional<Effect> rest,
            Optional<Effect> warmth,
            Optional<Effect> massage,
            Optional<Effect> exercise,
            Optional<Effect> relaxation) {
        public Factors {
            present(sitting, "factors.sitting");
            present(standingMoving, "factors.standing_moving");
            present(twisting, "factors.twisting");
            present(lifting, "factors.lifting");
            present(sustainedArmUse, "factors.sustained_arm_use");
            present(deepBreaths, "factors.deep_breaths");
            present(stress, "factors.stress");
            present(lyingDown, "factors.lying_down");
            present(mornings, "factors.mornings");
            endOfWorkingDay = orEmpty(endOfWorkingDay);
            weekendsOff = orEmpty(weekendsOff);
            afterTraining = orEmpty(afterTraining);
            afterPhysicalJob = orEmpty(afterPhysicalJob);
            rest = orEmpty(rest);
            warmth = orEmpty(warmth);
            massage = orEmpty(massage);
            exercise = orEmpty(exercise);
            relaxation = orEmpty(relaxation);
        }

        void check(VersionCheck check) {
            check.added(endOfWorkingDay, "factors.end_of_working_day");
            check.added(weekendsOff, "factors.weekends_off");
            check.added(afterTraining, "factors.after_training");
            check.added(afterPhysicalJob, "factors.after_physical_job");
            check.added(rest, "factors.rest");
            check.added(warmth, "factors.warmth");
            check.added(massage, "factors.massage");
            check.added(exercise, "factors.exercise");
            check.added(relaxation, "factors.relaxation");
            check.newOnly(sitting == Effect.DONT_KNOW, "factors.sitting");
            check.newOnly(standingMoving == Effect.DONT_KNOW, "factors.standing_moving");
            check.newOnly(twisting == Effect.DONT_KNOW, "factors.twisting");
            check.newOnly(lifting == Effect.DONT_KNOW, "factors.lifting");
            check.newOnly(sustainedArmUse == Effect.DONT_KNOW, "factors.sustained_arm_use");
            check.newOnly(deepBreaths == Effect.DONT_KNOW, "factors.deep_breaths");
            check.newOnly(stress == Effect.DONT_KNOW, "factors.stress");
            check.newOnly(lyingDown == Effect.DONT_KNOW, "factors.lying_down");
            check.newOnly(mornings == Effect.DONT_KNOW, "factors.mornings");
        }
    }

    /** A usual working day. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Desk(int hours, int screenHours, int longestSittingMinutes, int breaksPerDay) {
        public Desk {
            within(hours, 0, 24, "desk.hours");
            within(screenHours, 0, 24, "desk.screen_hours");
            within(longestSittingMinutes, 0, 1440, "desk.longest_sitting_minutes");
            within(breaksPerDay, 0, 100, "desk.breaks_per_day");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Workstation(Setup setup, ScreenHeight screenHeight, Chair chair) {
        public Workstation {
            present(setup, "workstation.setup");
            present(screenHeight, "workstation.screen_height");
            present(chair, "workstation.chair");
        }
    }

    public enum Setup {
        @JsonProperty("laptop_only")
        LAPTOP_ONLY,
        @JsonProperty("external_screen")
        EXTERNAL_SCREEN,
        @JsonProperty("no_desk")
        NO_DESK
    }

    public enum ScreenHeight {
        @JsonProperty("below_eye_level")
        BELOW_EYE_LEVEL,
        @JsonProperty("at_eye_level")
        AT_EYE_LEVEL,
        @JsonProperty("above_eye_level")
        ABOVE_EYE_LEVEL
    }

    public enum Chair {
        @JsonProperty("adjustable_with_back_support")
        ADJUSTABLE_WITH_BACK_SUPPORT,
        @JsonProperty("basic_chair")
        BASIC_CHAIR,
        @JsonProperty("no_back_support")
        NO_BACK_SUPPORT
    }

    /**
     * Physical load and sport; an empty sport list means no sport. Version 1 asked about lifting at work only;
     * version 2 asks about lifting anywhere, how heavy the heaviest load is, and where it happens.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Load(
            Frequency lifting,
            Frequency armWork,
            List<Sport> sport,
            Optional<HeaviestLoad> heaviestLoad,
            Optional<List<LiftingPlace>> liftingWhere) {
        public Load {
            present(lifting, "load.lifting");
            present(armWork, "load.arm_work");
            sport = distinct(sport, "load.sport", false);
            heaviestLoad = orEmpty(heaviestLoad);
            liftingWhere = orEmpty(liftingWhere).map(list -> distinct(list, "load.lifting_where", false));
        }

        void check(VersionCheck check) {
            check.added(heaviestLoad, "load.heaviest_load");
            check.added(liftingWhere, "load.lifting_where");
        }
    }

    public enum Frequency {
        @JsonProperty("never")
        NEVER,
        @JsonProperty("sometimes")
        SOMETIMES,
        @JsonProperty("often")
        OFTEN
    }

    /** The heaviest thing lifted or carried on a usual week: light up to a full shopping bag, heavy from about 20 kg. */
    public enum HeaviestLoad {
        @JsonProperty("none")
        NONE,
        @JsonProperty("light")
        LIGHT,
        @JsonProperty("moderate")
        MODERATE,
        @JsonProperty("heavy")
        HEAVY
    }

    public enum LiftingPlace {
        @JsonProperty("work")
        WORK,
        @JsonProperty("home_or_diy")
        HOME_OR_DIY,
        @JsonProperty("caring")
        CARING,
        @JsonProperty("sport_or_gym")
        SPORT_OR_GYM,
        @JsonProperty("one_off_heavy_job")
        ONE_OFF_HEAVY_JOB
    }

    public enum Sport {
        @JsonProperty("twisting_sport")
        TWISTING_SPORT,
        @JsonProperty("overhead_sport")
        OVERHEAD_SPORT,
        @JsonProperty("weight_training")
        WEIGHT_TRAINING,
        @JsonProperty("endurance")
        ENDURANCE,
        @JsonProperty("other_sport")
        OTHER_SPORT
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Stress(int level, boolean painFollowsStress) {
        public Stress {
            within(level, 0, 10, "stress.level");
        }
    }

    /** Minutes of stiffness count only when there is stiffness, so they are set to 0 otherwise. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Sleep(
            SleepPosition position,
            Pillow pillow,
            boolean morningStiffness,
            int morningStiffnessMinutes,
            Optional<NightWaking> nightWaking) {
        public Sleep {
            present(position, "sleep.position");
            present(pillow, "sleep.pillow");
            morningStiffnessMinutes =
                    morningStiffness ? within(morningStiffnessMinutes, 0, 720, "sleep.morning_stiffness_minutes") : 0;
            nightWaking = orEmpty(nightWaking);
        }

        void check(VersionCheck check) {
            check.added(nightWaking, "sleep.night_waking");
        }
    }

    public enum SleepPosition {
        @JsonProperty("back")
        BACK,
        @JsonProperty("side")
        SIDE,
        @JsonProperty("stomach")
        STOMACH,
        @JsonProperty("mixed")
        MIXED
    }

    public enum Pillow {
        @JsonProperty("none")
        NONE,
        @JsonProperty("flat")
        FLAT,
        @JsonProperty("medium")
        MEDIUM,
        @JsonProperty("high_or_stacked")
        HIGH_OR_STACKED
    }

    /**
     * Whether and when pain wakes a person: only when lying on the sore spot or turning (eases on changing position),
     * or in the second half of the night (eases once up and moving), which belongs to the inflammatory pattern.
     */
    public enum NightWaking {
        @JsonProperty("no")
        NO,
        @JsonProperty("positional")
        POSITIONAL,
        @JsonProperty("second_half_of_night")
        SECOND_HALF_OF_NIGHT,
        @JsonProperty("dont_know")
        DONT_KNOW
    }

    /** Whether pressing reproduces the pain is only asked about when there are knots, so it is false otherwise. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Knots(boolean tenderKnots, boolean pressingReproducesPain) {
        public Knots {
            pressingReproducesPain = tenderKnots && pressingReproducesPain;
        }
    }
}
