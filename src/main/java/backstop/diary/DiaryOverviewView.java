package backstop.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The diary's recent days. */
public record DiaryOverviewView(List<Map.Entry<LocalDate, Optional<SavedDay>>> days, LocalDate today, String saved) {}
