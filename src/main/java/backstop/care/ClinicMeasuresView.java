package backstop.care;

import backstop.account.User;
import java.util.List;

/** A patient's outcome measures as their clinician sees them, with the schedules. */
public record ClinicMeasuresView(
        User person,
        List<MeasureSeries> series,
        List<String> schedules,
        List<MeasureDefinitions.Measure> schedulable,
        String today,
        boolean scheduled) {}
