package backstop.diary;

import backstop.error.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The check-in form of one day. */
public record CheckInView(
        LocalDate date,
        Map<String, Object> values,
        int revision,
        List<FieldError> errors,
        List<String> locations,
        List<String> kinds,
        java.util.Set<String> measured,
        Optional<CarryOver> carry) {}
