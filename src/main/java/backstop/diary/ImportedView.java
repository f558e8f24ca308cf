package backstop.diary;

/** What a diary import did. */
public record ImportedView(ImportReport report, String file) {}
