package backstop.assessment;

import static backstop.assessment.FieldCheck.distinct;
import static backstop.assessment.FieldCheck.present;
import static backstop.assessment.FieldCheck.within;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;

/**
 * One completed assessment intake, exactly as in {@code assessment/intake-v1.schema.json}. Every part is
 * required; lists are empty rather than absent. Built by {@link IntakeReader} from JSON, or in code by tests.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Intake(
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
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** The screening answers; yes means the sign is present. {@code onsetAge} is the age this back pain first began. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
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
            int onsetAge) {
        public RedFlagAnswers {
            within(onsetAge, 0, 120, "red_flags.onset_age");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pain(int now, int worstWeek, EpisodeLength episodeLength, int episodesLastYear) {
        public Pain {
            within(now, 0, 10, "pain.now");
            within(worstWeek, 0, 10, "pain.worst_week");
            present(episodeLength, "pain.episode_length");
            within(episodesLastYear, 1, 52, "pain.episodes_last_year");
        }
    }

    public enum EpisodeLength {
        @JsonProperty("under_1_week")
        UNDER_1_WEEK,
        @JsonProperty("1_to_6_weeks")
        WEEKS_1_TO_6,
        @JsonProperty("6_to_12_weeks")
        WEEKS_6_TO_12,
        @JsonProperty("over_12_weeks")
        OVER_12_WEEKS
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
        TENDER_SPOT
    }

    public enum Effect {
        @JsonProperty("worse")
        WORSE,
        @JsonProperty("better")
        BETTER,
        @JsonProperty("no_effect")
        NO_EFFECT
    }

    /** What each situation does to the pain. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Factors(
            Effect sitting,
            Effect standingMoving,
            Effect twisting,
            Effect lifting,
            Effect sustainedArmUse,
            Effect deepBreaths,
            Effect stress,
            Effect lyingDown,
            Effect mornings) {
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

    /** Physical load at work and in sport; an empty sport list means no sport. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Load(Frequency lifting, Frequency armWork, List<Sport> sport) {
        public Load {
            present(lifting, "load.lifting");
            present(armWork, "load.arm_work");
            sport = distinct(sport, "load.sport", false);
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
    public record Sleep(SleepPosition position, Pillow pillow, boolean morningStiffness, int morningStiffnessMinutes) {
        public Sleep {
            present(position, "sleep.position");
            present(pillow, "sleep.pillow");
            morningStiffnessMinutes =
                    morningStiffness ? within(morningStiffnessMinutes, 0, 720, "sleep.morning_stiffness_minutes") : 0;
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

    /** Whether pressing reproduces the pain is only asked about when there are knots, so it is false otherwise. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Knots(boolean tenderKnots, boolean pressingReproducesPain) {
        public Knots {
            pressingReproducesPain = tenderKnots && pressingReproducesPain;
        }
    }
}
