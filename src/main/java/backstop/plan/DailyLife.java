package backstop.plan;

import backstop.assessment.Intake;
import java.util.Optional;

/**
 * The answers about a person's day that tailor the habit parts: desk time, workstation, load and sleep. Taken from
 * the intake when it is at hand; {@link #unknown()} gives general advice instead (for example when only a stored
 * assessment result is available, as with {@code backstop plan}).
 */
public record DailyLife(
        Optional<Intake.Desk> desk,
        Optional<Intake.Workstation> workstation,
        Optional<Intake.Load> load,
        Optional<Intake.Sleep> sleep) {

    public DailyLife {
        desk = desk == null ? Optional.empty() : desk;
        workstation = workstation == null ? Optional.empty() : workstation;
        load = load == null ? Optional.empty() : load;
        sleep = sleep == null ? Optional.empty() : sleep;
    }

    public static DailyLife from(Intake intake) {
        return new DailyLife(
                Optional.of(intake.desk()),
                Optional.of(intake.workstation()),
                Optional.of(intake.load()),
                Optional.of(intake.sleep()));
    }

    public static DailyLife unknown() {
        return new DailyLife(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
