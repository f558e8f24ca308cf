package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EffectTest {
    @Test
    void readsHabitLagAndSize() {
        assertThat(Effect.parse("desk_hours:0:0.3")).isEqualTo(new Effect(Habit.DESK_HOURS, 0, 0.3));
        assertThat(Effect.parse("sleep_quality:1:-0.15")).isEqualTo(new Effect(Habit.SLEEP_QUALITY, 1, -0.15));
    }

    @Test
    void sleepPositionEffectsAreContrastsAgainstSleepingOnTheBack() {
        assertThat(Effect.parse("sleep_position=side:0:0.5")).isEqualTo(new Effect(Habit.SLEEP_POSITION_SIDE, 0, 0.5));
    }

    @Test
    void writesItselfInTheSameSyntax() {
        assertThat(Effect.parse("sleep_quality:1:-0.15")).hasToString("sleep_quality:1:-0.15");
        assertThat(Effect.parse("stress:2:1.0")).hasToString("stress:2:1");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Effect.parse("desk_hours:3:0.3"))
                .hasMessage("effect: lag must be 0, 1 or 2 days, was 3");
        assertThatThrownBy(() -> Effect.parse("pain_am:0:0.3"))
                .hasMessageStartingWith("effect: unknown habit 'pain_am'");
        assertThatThrownBy(() -> Effect.parse("desk_hours:0")).hasMessageStartingWith("effect: must be habit:lag:size");
        assertThatThrownBy(() -> Effect.parse("desk_hours:x:0.3"))
                .hasMessageStartingWith("effect: lag must be a whole");
        assertThatThrownBy(() -> Effect.parse("desk_hours:0:NaN"))
                .hasMessage("effect: size must be a finite number, was NaN");
    }
}
