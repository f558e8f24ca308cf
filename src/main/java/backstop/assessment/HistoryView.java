package backstop.assessment;

import java.util.List;

/** A person's assessments, newest first, and whether a new one is due. */
public record HistoryView(List<StoredAssessment> history, boolean due, long days) {}
