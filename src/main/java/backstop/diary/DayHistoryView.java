package backstop.diary;

import java.time.LocalDate;
import java.util.List;

/** Every revision of one diary day. */
public record DayHistoryView(LocalDate date, List<DiaryRevision> revisions) {}
